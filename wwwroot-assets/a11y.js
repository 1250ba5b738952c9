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

document.addEventListener("focusin", e => {
  if (e.target instanceof Element && !e.target.closest(".mud-drawer")) window.anomalyStudioA11y.lastOutside = e.target;
});
