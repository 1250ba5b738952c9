using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>The bUnit context every component test uses: MudBlazor's services, loose JS interop and a popover provider.</summary>
public static class ComponentContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Render<MudPopoverProvider>();
        return context;
    }
}
