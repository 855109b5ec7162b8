// Progressive enhancement only: every page works without this file.
// Copy buttons: <button data-copy-target="id" hidden> copies the text of #id and says so.
document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
  if (!navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    var text = document.getElementById(button.getAttribute('data-copy-target')).textContent.trim();
    navigator.clipboard.writeText(text).then(function () {
      var label = button.textContent;
      button.textContent = '\u2713 ' + label;
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });
});
// Time zone: offers the browser's own zone on the settings form (the select works without this).
document.querySelectorAll('button[data-browser-zone]').forEach(function (button) {
  var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) { return; }
  button.value = zone;
  button.textContent = button.getAttribute('data-label') + ' (' + zone + ')';
  button.hidden = false;
});
