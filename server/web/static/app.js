// Corroborate's pages: live progress of a queued report (polling its job).
"use strict";
(function () {
  var job = document.getElementById("job");
  if (!job) return;
  var id = job.getAttribute("data-job");
  var state = document.getElementById("job-state");
  var result = document.getElementById("job-result");
  function poll() {
    fetch("/api/v1/jobs/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        state.textContent = j.state + (j.error ? " — " + j.error : "");
        if (j.state === "done" && j.result) {
          if (j.result.story) {
            result.textContent = "Stored as " + j.result.id + "; opening its story…";
            window.location.assign("/stories/" + encodeURIComponent(j.result.story));
          } else {
            result.textContent = "Stored as " + j.result.id + ", set aside (" + (j.result.flags || []).join(", ") + ").";
          }
          return;
        }
        if (j.state !== "failed") setTimeout(poll, 400);
      })
      .catch(function () { setTimeout(poll, 1500); });
  }
  if (state.textContent !== "done" && state.textContent.indexOf("failed") !== 0) poll();
})();
