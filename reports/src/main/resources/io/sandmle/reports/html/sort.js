// Click a column heading to sort its table; numeric cells sort by their data-sort value.
document.querySelectorAll('table.sortable th').forEach(function (th, _, all) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = !th.classList.contains('asc');
    th.parentNode.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
    th.classList.add(asc ? 'asc' : 'desc');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col];
      var nx = x && x.dataset.sort !== undefined ? parseFloat(x.dataset.sort) : NaN;
      var ny = y && y.dataset.sort !== undefined ? parseFloat(y.dataset.sort) : NaN;
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x ? x.textContent : '').localeCompare(y ? y.textContent : '');
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
document.body.setAttribute('data-rendered', 'yes');
