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
};
