// Small interop for AnomalyStudio: save a stream from the server as a file, and name this tab.
window.anomalyStudio = {
  // An id for this browser tab, kept in sessionStorage so it survives a reload (and a reconnect to another server).
  tabId: function () {
    let id = sessionStorage.getItem("anomalystudio-tab");
    if (!id) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      id = Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
      sessionStorage.setItem("anomalystudio-tab", id);
    }
    return id;
  },
  download: async function (fileName, streamReference) {
    const buffer = await streamReference.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer]));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },
};
