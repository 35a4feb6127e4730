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

// Add to cart without leaving the page; without JavaScript the form posts
// and the shop redirects to the cart.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-cart-form]");
  if (!form) {
    return;
  }
  event.preventDefault();
  const status = document.querySelector("[data-cart-status]");
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const result = await response.json();
    if (result.count !== undefined) {
      document.querySelectorAll("[data-cart-count]").forEach((badge) => {
        badge.textContent = result.count;
      });
    }
    if (status) {
      status.textContent = result.message;
      status.className = "message " + (response.ok && !result.capped ? "message--success" : "message--error");
      status.hidden = false;
    }
  } catch (error) {
    form.submit();
  }
});

// At checkout, a new country or shipping method updates the totals at once,
// through the same "update" button that works without JavaScript.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-recalculate], select[name=country]");
  const button = field && field.form && field.form.querySelector("button[name=recalculate]");
  if (button) {
    field.form.requestSubmit(button);
  }
});
