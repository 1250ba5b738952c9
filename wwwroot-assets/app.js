// Small interop for AnomalyStudio: save a stream from the server as a file, name this tab, and upload files over HTTP.
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

// A file chosen or dropped on the upload panel goes to the server as one streamed POST of its bytes, to the upload
// ticket of this tab's circuit (data-upload-ticket), instead of through the circuit's SignalR connection, which is many
// times slower for a large file. The server copies it into the circuit's session, which shows the progress, the Cancel
// button and any refusal (too large, busy) on the page as before. The listener runs in the capture phase, so Blazor's
// own file input never sees the change; without a ticket (before the page is interactive) it is left to Blazor.
document.addEventListener("change", function (event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files || input.files.length !== 1) {
    return;
  }
  const ticket = input.closest("[data-upload-ticket]")?.getAttribute("data-upload-ticket");
  if (!ticket) {
    return;
  }
  event.stopImmediatePropagation();
  const file = input.files[0];
  input.value = ""; // choosing the same file again must start a new upload
  const request = new XMLHttpRequest();
  request.open("POST", "dashboard/upload/" + encodeURIComponent(ticket) + "?name=" + encodeURIComponent(file.name));
  request.setRequestHeader("Content-Type", "application/octet-stream");
  request.onload = function () {
    if (request.status >= 400) {
      console.warn("AnomalyStudio upload refused (" + request.status + "): " + request.responseText);
    }
  };
  request.send(file);
}, true);
