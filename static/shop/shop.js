// Small improvements on top of pages that work without JavaScript.
"use strict";

document.documentElement.classList.add("js");
const PHONE = window.matchMedia("(max-width: 49.99em)");

// A select marked data-autosubmit submits its form on change, so the
// currency switch needs no button; the button stays for keyboard users.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select && select.form) {
    select.form.requestSubmit();
  }
});

// Drawers. The filters are a column beside the records on a wide screen and a
// panel over the page on a phone; without JavaScript their link jumps to them.
// The cart drawer is a <dialog>, which handles focus and Escape itself.
const drawer = { panel: null, opener: null };

function focusables(panel) {
  return [...panel.querySelectorAll("a[href], button, input, select, textarea")].filter(
    (element) => !element.disabled && element.offsetParent !== null,
  );
}

function openDrawer(panel, opener) {
  drawer.panel = panel;
  drawer.opener = opener;
  panel.classList.add("is-open");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "true");
  opener.setAttribute("aria-expanded", "true");
  document.body.classList.add("has-drawer");
  panel.querySelector("[data-drawer-close]").focus();
}

function closeDrawer() {
  const { panel, opener } = drawer;
  if (!panel) {
    return;
  }
  panel.classList.remove("is-open");
  panel.removeAttribute("role");
  panel.removeAttribute("aria-modal");
  opener.setAttribute("aria-expanded", "false");
  document.body.classList.remove("has-drawer");
  drawer.panel = drawer.opener = null;
  opener.focus();
}

document.addEventListener("click", (event) => {
  const toggle = event.target.closest("[data-drawer-toggle]");
  if (toggle && PHONE.matches) {
    event.preventDefault();
    openDrawer(document.getElementById(toggle.dataset.drawerToggle), toggle);
    return;
  }
  const dialog = event.target.closest("dialog");
  if (dialog && (event.target === dialog || event.target.closest("[data-drawer-close]"))) {
    dialog.close(); // a click on the backdrop lands on the dialog itself
  } else if (drawer.panel && event.target.closest("[data-drawer-close]")) {
    closeDrawer();
  }
});

document.addEventListener("keydown", (event) => {
  if (!drawer.panel) {
    return;
  }
  if (event.key === "Escape") {
    closeDrawer();
  } else if (event.key === "Tab") {
    // Keep the focus inside the open panel.
    const inside = focusables(drawer.panel);
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
});

PHONE.addEventListener("change", closeDrawer);

function cartDrawer() {
  let dialog = document.querySelector("dialog[data-cart-drawer]");
  if (!dialog) {
    dialog = document.createElement("dialog");
    dialog.className = "drawer drawer--cart";
    dialog.dataset.cartDrawer = "";
    dialog.setAttribute("aria-labelledby", "cart-drawer-title");
    document.body.append(dialog);
  }
  return dialog;
}

// Add to cart without leaving the page: the cart drawer shows what went in.
// Without JavaScript the form posts and the shop redirects to the cart.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-cart-form]");
  if (!form) {
    return;
  }
  event.preventDefault();
  const status = document.querySelector("[data-cart-status]");
  let response;
  let result;
  try {
    response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    result = await response.json();
  } catch (error) {
    form.submit();
    return;
  }
  if (result.count !== undefined) {
    document.querySelectorAll("[data-cart-count]").forEach((badge) => {
      badge.textContent = result.count;
    });
  }
  if (result.drawer) {
    const dialog = cartDrawer();
    dialog.innerHTML = result.drawer;
    if (!dialog.open) {
      dialog.showModal(); // an add from inside the open drawer only refreshes it
    }
  } else if (status) {
    // A refusal (sold out meanwhile, too many requests): said where the shopper is looking.
    status.textContent = result.message;
    status.className = "message message--error message--toast";
    status.hidden = false;
    setTimeout(() => {
      status.hidden = true;
    }, 8000);
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

// The checkout's order summary comes folded to its total, first on a phone; on a
// wide screen it has a column of its own and opens.
document.querySelectorAll("details[data-open-on-desktop]").forEach((details) => {
  details.open = !PHONE.matches;
});

// The product page's buy bar appears once its own "Add to cart" has scrolled
// up out of sight. (An IntersectionObserver would miss a jump from below the
// form to above it, which crosses no threshold.)
const buyBar = document.querySelector("[data-buy-bar]");
const buyForm = document.querySelector("[data-buy-form]");
if (buyBar && buyForm) {
  let queued = false;
  const place = () => {
    queued = false;
    buyBar.hidden = buyForm.getBoundingClientRect().bottom > 0;
  };
  window.addEventListener(
    "scroll",
    () => {
      if (!queued) {
        queued = true;
        requestAnimationFrame(place);
      }
    },
    { passive: true },
  );
  place();
}

// Gallery: a thumbnail shows its image in the main frame; the main image
// opens full size in a dialog, where a click toggles between fit and zoom.
document.addEventListener("click", (event) => {
  const thumb = event.target.closest("[data-gallery-thumb]");
  if (thumb) {
    event.preventDefault();
    const main = document.querySelector("[data-gallery-main]");
    const image = main.querySelector("img");
    image.srcset = thumb.dataset.srcset;
    image.src = thumb.dataset.src;
    image.alt = thumb.querySelector("img").alt;
    main.href = thumb.href;
    document.querySelectorAll("[data-gallery-thumb]").forEach((other) => {
      other.setAttribute("aria-current", other === thumb ? "true" : "false");
    });
    return;
  }
  const main = event.target.closest("[data-gallery-main]");
  if (main) {
    event.preventDefault();
    const dialog = document.querySelector("[data-zoom]");
    const image = dialog.querySelector("img");
    image.src = main.href;
    image.alt = main.querySelector("img").alt;
    dialog.classList.remove("is-zoomed");
    dialog.showModal();
    return;
  }
  const zoomed = event.target.closest("[data-zoom] img");
  if (zoomed) {
    zoomed.closest("[data-zoom]").classList.toggle("is-zoomed");
  }
});

// The return slip's Print button: without JavaScript the browser's own print command does it.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// A form that sends the shopper back to itself (#stock-alert, #questions) says how it
// went in a message at the top of the page, out of sight: show it at the form instead.
const flash = document.querySelector("main > [role=status]:not([data-cart-status])");
const jumpedTo = window.location.hash && document.getElementById(window.location.hash.slice(1));
if (flash && jumpedTo) {
  jumpedTo.prepend(flash);
  jumpedTo.scrollIntoView();
}
