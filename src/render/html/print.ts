// Print stylesheet: the whole report on paper (every plan page, each from a new sheet), or only the
// plan being viewed; colours kept, interactive controls and navigation dropped.
export const PRINT_CSS = `
@page{size:A4 landscape;margin:12mm}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  html{font-size:10pt}
  header.top{position:static;background:none;color:#000;padding:0 0 .3rem;border-bottom:1px solid #000}
  header.top nav,.tools,button.sort,.back,noscript{display:none !important}
  main{padding:0}
  .table-wrap,.table-wrap.tall{overflow:visible;max-height:none;border:0}
  thead th,tr.group>th,table.matrix .sticky-l{position:static}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
  .main-view{display:block !important}
  .plan-page{display:block !important;break-before:page;border-top:0}
  body:has(.plan-page:target) .main-view,body.viewing-plan .main-view{display:none !important}
  body:has(.plan-page:target) .plan-page:not(:target),body.viewing-plan .plan-page:not(.open){display:none !important}
  body:has(.plan-page:target) .plan-page:target{break-before:auto}
}
`;
