namespace AnomalyStudio.App.State;

/// <summary>The dashboard's views in tab order; the first is shown when the chosen one has nothing to show.</summary>
public sealed class DashboardViews
{
    public DashboardViews(IReadOnlyList<DashboardView> all)
    {
        if (all.Count == 0 || all.DistinctBy(v => v.Tab, StringComparer.Ordinal).Count() != all.Count)
        {
            throw new ArgumentException("The dashboard needs at least one view, and each tab key once.", nameof(all));
        }

        All = all;
    }

    public IReadOnlyList<DashboardView> All { get; }

    /// <summary>The first view: the one a new circuit shows.</summary>
    public DashboardView Default => All[0];

    /// <summary>The view registered under <paramref name="tab"/>, or null.</summary>
    public DashboardView? Find(string tab) => All.FirstOrDefault(v => string.Equals(v.Tab, tab, StringComparison.Ordinal));
}
