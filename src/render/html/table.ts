// Sortable, filterable tables that read fine without JavaScript: the markup is a plain table; the
// page script adds a sort button to each header cell and a filter box (and a status menu) above.
//
// Conventions the script reads:
//   <table class="sortable" (or "filterable": no sort buttons) data-filter="…placeholder…" data-facets="same dropped …">
//   <th data-type="num">  numeric column;  <th data-nosort>  no sort button
//   <td data-sort="…">    sort key when the cell text is not one
//   <tr class="group">    a group heading row: stays first in its <tbody>, hidden when the group is empty
//   <tr data-st="same dropped">  the statuses the facet menu filters on
//   <td data-csv="…">    the cell's value in the downloaded CSV, when its text is not it
// The tools bar also offers the rows shown (filtered, sorted) as a CSV download (a Blob: no network),
// its cells guarded like every CSV plancmp writes (formulas, and text Excel would turn into dates).
import { html, type HtmlPart, type SafeHtml } from './escape.js';
import { COERCED } from '../csv.js';

export interface TableOptions {
  id: string;
  className?: string;
  caption?: string;
  /** Placeholder of the filter box; no box when absent. */
  filter?: string;
  /** Statuses offered in the facet menu, with their labels. */
  facets?: { value: string; label: string }[];
  /** Scroll inside a bounded box (a wide or long matrix). */
  tall?: boolean;
  /** Sort buttons on the header cells (default true); a side-by-side table only filters. */
  sortable?: boolean;
}

export function table(o: TableOptions, head: HtmlPart, body: HtmlPart, colgroup: HtmlPart = null): SafeHtml {
  const cls = [o.sortable === false ? 'filterable' : 'sortable', o.className].filter(Boolean).join(' ');
  const facets = o.facets?.map((f) => `${f.value}:${f.label}`).join('|');
  return html`<div class="${o.tall ? 'table-wrap tall' : 'table-wrap'}"><table id="${o.id}" class="${cls}"${
    o.filter ? html` data-filter="${o.filter}"` : null
  }${facets ? html` data-facets="${facets}"` : null}>${o.caption ? html`<caption class="muted small">${o.caption}</caption>` : null}${colgroup}<thead>${head}</thead>${body}</table></div>`;
}

/** The part of the page script that makes tables sortable and filterable (no line comments). */
export const TABLE_SCRIPT = `
  var collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' });
  function ui(key, fallback) {
    var v = document.documentElement.getAttribute('data-ui-' + key);
    return v === null ? fallback : v;
  }
  function sortKey(cell) {
    if (!cell) return '';
    var k = cell.getAttribute('data-sort');
    return k === null ? cell.textContent.trim() : k;
  }
  function compareKeys(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      if (isNaN(x)) x = -Infinity;
      if (isNaN(y)) y = -Infinity;
      return x - y;
    }
    return collator.compare(a, b);
  }
  function columnIndex(th) {
    var k = 0, c = th.parentNode.firstElementChild;
    while (c && c !== th) { k += c.colSpan || 1; c = c.nextElementSibling; }
    return k;
  }
  function cellAt(row, index) {
    var k = 0, c = row.firstElementChild;
    while (c) { if (k === index) return c; k += c.colSpan || 1; c = c.nextElementSibling; }
    return null;
  }
  function sortTable(table, th) {
    var index = columnIndex(th);
    var numeric = th.getAttribute('data-type') === 'num';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(table.querySelectorAll('thead th[aria-sort]'), function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var rows = Array.prototype.filter.call(tbody.rows, function (r) { return !r.classList.contains('group'); });
      var keyed = rows.map(function (r, pos) { return { r: r, k: sortKey(cellAt(r, index)), pos: pos }; });
      keyed.sort(function (a, b) { return dir * compareKeys(a.k, b.k, numeric) || a.pos - b.pos; });
      keyed.forEach(function (x) { tbody.appendChild(x.r); });
    });
  }
  function applyFilter(table, text, facet, counter) {
    var words = text.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0, total = 0;
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var visible = 0, group = null;
      Array.prototype.forEach.call(tbody.rows, function (r) {
        if (r.classList.contains('group')) { group = r; return; }
        total++;
        var hay = r.textContent.toLowerCase();
        var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
        if (ok && facet) ok = (' ' + (r.getAttribute('data-st') || '') + ' ').indexOf(' ' + facet + ' ') >= 0;
        r.hidden = !ok;
        if (ok) { visible++; shown++; }
      });
      if (group) group.hidden = visible === 0;
    });
    if (counter) counter.textContent = shown === total ? total + ui('rows', ' rows') : shown + ui('of', ' of ') + total + ui('rows', ' rows');
  }
  function cellText(c) {
    var v = c.getAttribute('data-csv');
    if (v === null) {
      var copy = c.cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll('button'), function (b) { b.remove(); });
      v = copy.textContent;
    }
    return v.replace(/\\s+/g, ' ').trim();
  }
  var COERCED = [${COERCED.map((re) => re.toString()).join(', ')}];
  function csvField(v) {
    if (/^[=+\\-@\\t\\r]/.test(v) && !/^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$/.test(v)) v = "'" + v;
    else if (COERCED.some(function (re) { return re.test(v); })) v = '="' + v + '"';
    return /[",\\r\\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function tableCsv(table) {
    var grouped = !!table.querySelector('tbody tr.group');
    var lines = [];
    var head = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1] : null;
    if (head) lines.push((grouped ? ['project'] : []).concat(Array.prototype.map.call(head.cells, cellText)).map(csvField).join(','));
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var group = '';
      Array.prototype.forEach.call(tbody.rows, function (r) {
        if (r.classList.contains('group')) { group = cellText(r.cells[0]); return; }
        if (r.hidden) return;
        lines.push((grouped ? [group] : []).concat(Array.prototype.map.call(r.cells, cellText)).map(csvField).join(','));
      });
    });
    return '\\uFEFF' + lines.join('\\r\\n') + '\\r\\n';
  }
  function downloadCsv(table) {
    var url = URL.createObjectURL(new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = (table.id || 'table') + '.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }
  function enhanceTable(table) {
    var sortable = table.classList.contains('sortable');
    Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (th) {
      if (!sortable || th.hasAttribute('data-nosort') || th.colSpan > 1) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = '\\u21C5';
      b.title = ui('sort', 'sort by this column');
      b.setAttribute('aria-label', ui('sort', 'sort by this column'));
      b.addEventListener('click', function () { sortTable(table, th); });
      th.appendChild(b);
    });
    var placeholder = table.getAttribute('data-filter');
    var facets = table.getAttribute('data-facets');
    if (placeholder === null && facets === null) return;
    var tools = document.createElement('div');
    tools.className = 'tools';
    var input = null, select = null;
    var counter = document.createElement('span');
    counter.className = 'count';
    var update = function () { applyFilter(table, input ? input.value : '', select ? select.value : '', counter); };
    if (placeholder !== null) {
      input = document.createElement('input');
      input.type = 'search';
      input.placeholder = placeholder;
      input.setAttribute('aria-label', placeholder);
      input.addEventListener('input', update);
      tools.appendChild(input);
    }
    if (facets) {
      select = document.createElement('select');
      select.setAttribute('aria-label', ui('status', 'only rows with this status'));
      var all = document.createElement('option');
      all.value = '';
      all.textContent = ui('any', 'any status');
      select.appendChild(all);
      facets.split('|').forEach(function (f) {
        var cut = f.indexOf(':');
        var opt = document.createElement('option');
        opt.value = f.slice(0, cut);
        opt.textContent = ui('with', 'rows with: ') + f.slice(cut + 1);
        select.appendChild(opt);
      });
      select.addEventListener('change', update);
      tools.appendChild(select);
    }
    tools.appendChild(counter);
    var dl = document.createElement('button');
    dl.type = 'button';
    dl.className = 'csv';
    dl.textContent = ui('csv', 'download CSV');
    dl.title = ui('csv-help', 'the rows shown (filtered and sorted as now) as a CSV file');
    dl.addEventListener('click', function () { downloadCsv(table); });
    tools.appendChild(dl);
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(tools, wrap);
    update();
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable, table.filterable'), enhanceTable);
`;
