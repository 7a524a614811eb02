/** Outlet identity from a URL: the registrable domain (www. stripped, two-level public suffixes kept). */

// Common two-level public suffixes (a full public-suffix list is not worth a dependency here):
// "bbc.co.uk" must stay "bbc.co.uk", not "co.uk".
const SECOND_LEVEL = new Set([
  'co.uk', 'org.uk', 'gov.uk', 'ac.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'gov.au', 'edu.au', 'co.nz', 'org.nz', 'govt.nz', 'co.za', 'org.za', 'gov.za',
  'co.jp', 'or.jp', 'ne.jp', 'go.jp', 'ac.jp', 'co.kr', 'or.kr', 'go.kr', 'co.in', 'org.in', 'gov.in', 'net.in', 'co.il', 'org.il', 'gov.il',
  'com.br', 'org.br', 'gov.br', 'com.ar', 'gob.ar', 'com.mx', 'gob.mx', 'org.mx', 'com.co', 'com.pe', 'com.ve', 'com.uy', 'com.ec', 'cl.cl',
  'com.tr', 'org.tr', 'gov.tr', 'gen.tr', 'com.ua', 'org.ua', 'gov.ua', 'in.ua', 'kiev.ua', 'com.ru', 'org.ru', 'net.ru', 'msk.ru', 'spb.ru',
  'com.by', 'com.kz', 'org.kz', 'com.ge', 'com.am', 'com.az', 'com.pl', 'net.pl', 'org.pl', 'gov.pl', 'com.ro', 'co.rs', 'org.rs', 'com.mk',
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'com.hk', 'org.hk', 'com.tw', 'org.tw', 'com.sg', 'org.sg', 'gov.sg', 'com.my', 'org.my',
  'co.id', 'or.id', 'go.id', 'com.ph', 'com.vn', 'co.th', 'or.th', 'com.pk', 'org.pk', 'com.bd', 'com.lk', 'com.np', 'com.eg', 'com.sa',
  'com.qa', 'com.kw', 'com.lb', 'com.jo', 'co.ae', 'gov.ae', 'com.sy', 'gov.sy', 'com.iq', 'co.ir', 'ac.ir', 'com.af', 'co.ke', 'or.ke',
  'com.ng', 'gov.ng', 'co.tz', 'co.ug', 'com.gh', 'co.zw', 'com.et', 'co.ma', 'com.tn', 'com.dz', 'com.cy', 'com.gr', 'co.at', 'or.at', 'gv.at',
  'com.es', 'org.es', 'gob.es', 'com.pt', 'co.hu', 'com.mt', 'co.ca', 'gc.ca', 'co.no', 'priv.no', 'co.ve', 'blogspot.com', 'github.io',
  'substack.com', 'wordpress.com', 'medium.com', 'livejournal.com', 'appspot.com', 'herokuapp.com', 'web.app', 'pages.dev',
]);

/** "https://www.news.example.co.uk/a/b" -> "example.co.uk"; undefined for hosts we cannot read. */
export function registrableDomain(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  if (!host || /^[\d.]+$/.test(host) || host.includes(':') || host === 'localhost') return host || undefined;
  const parts = host.replace(/^www\d*\./, '').split('.');
  if (parts.length <= 2) return parts.join('.');
  const last2 = parts.slice(-2).join('.');
  return SECOND_LEVEL.has(last2) ? parts.slice(-3).join('.') : last2;
}
