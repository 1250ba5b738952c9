// Accessibility interop for AnomalyStudio: what Blazor markup cannot reach on its own.
window.anomalyStudioA11y = {
  // Exposes the table's sort to assistive technology: aria-sort on the header cell whose text is `column`
  // ("ascending" or "descending"), and on no other (MudDataGrid renders the header cells itself).
  markSort: function (selector, column, direction) {
    const table = document.querySelector(selector);
    if (!table) return;
    for (const th of table.querySelectorAll("thead th")) {
      if (column && th.textContent.trim() === column) th.setAttribute("aria-sort", direction);
      else th.removeAttribute("aria-sort");
    }
  },

  // Moves focus to the element with `id` (a panel's heading) and remembers where it came from, once per opening: the
  // last element focused outside the panel (a click or a render may have left focus on the page's body meanwhile).
  focusPanel: function (id) {
    const target = document.getElementById(id);
    if (!target) return;
    if (!this.returnTo) {
      // The grid may have drawn the row's button anew since it was focused: its name still finds the new one.
      const from = this.lastOutside || document.activeElement;
      this.returnTo = { element: from, label: from && from.getAttribute && from.getAttribute("aria-label") };
    }
    target.focus();
  },

  // Gives focus back to where it was when the panel opened (the row's details button); when the grid has drawn that
  // button anew, to the button with the same name.
  restoreFocus: function () {
    const back = this.returnTo;
    this.returnTo = null;
    if (!back) return;
    let element = back.element && back.element.isConnected ? back.element : null;
    if (!element && back.label) element = document.querySelector(`[aria-label="${CSS.escape(back.label)}"]`);
    if (element) element.focus();
  },
};

// Keeps the keyboard inside an open modal panel (one marked data-focus-trap, such as the record drawer, which covers
// the page with its overlay): Tab from its last control goes to its first, and Shift+Tab from its first (or from its
// heading, where focus lands when it opens) to its last, as in a dialog. Escape still closes it.
const focusableSelector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
document.addEventListener("keydown", e => {
  if (e.key !== "Tab" || e.altKey || e.ctrlKey || e.metaKey) return;
  const panel = document.querySelector("[data-focus-trap].mud-drawer--open");
  if (!panel) return;
  const items = [...panel.querySelectorAll(focusableSelector)].filter(el => el.getClientRects().length > 0);
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement);
  const inside = panel.contains(document.activeElement);
  if (e.shiftKey && index <= 0) {
    e.preventDefault();
    items[items.length - 1].focus();
  } else if (!e.shiftKey && (index === items.length - 1 || !inside)) {
    e.preventDefault();
    items[0].focus();
  }
});

document.addEventListener("focusin", e => {
  if (e.target instanceof Element && !e.target.closest(".mud-drawer")) window.anomalyStudioA11y.lastOutside = e.target;
});
