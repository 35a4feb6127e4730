// Small improvements on top of pages that work without JavaScript.
"use strict";

// A select marked data-autosubmit submits its form on change, so the
// currency switch needs no button; the button stays for keyboard users.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select && select.form) {
    select.form.requestSubmit();
  }
});
document.documentElement.classList.add("js");
