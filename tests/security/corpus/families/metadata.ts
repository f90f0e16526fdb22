import { casesOf } from '../article-page';
import { beaconUrl, canaryCall, canaryScript } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * Hostile page metadata. Title, byline, site name, canonical URL, lead image and icon come from the
 * head (meta tags, JSON-LD, link elements) and reach the overlay and reader outside the article body,
 * so they must be treated as text and as checked URLs, never as markup or script URLs.
 */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, head: (id: string) => string) => {
    const id = `meta-${suffix}`;
    list.push({ id, vector, head: head(id) });
  };
  const markup = (id: string) => `<img src=x onerror=${canaryCall(id)}><script>${canaryScript(id)}</script>`;
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const js = (id: string) => `javascript:${canaryCall(id)}`;
  add('canonical-javascript', 'canonical link with a javascript: URL', (id) => `<link rel="canonical" href="${js(id)}">`);
  add('og-url-javascript', 'og:url javascript:', (id) => `<meta property="og:url" content="${js(id)}">`);
  add('og-image-javascript', 'og:image javascript:', (id) => `<meta property="og:image" content="${js(id)}">`);
  add('og-image-data-html', 'og:image data:text/html', (id) => `<meta property="og:image" content="${attr(`data:text/html,${markup(id)}`)}">`);
  add('og-image-svg-data', 'og:image as an SVG data: URL with script', (id) => `<meta property="og:image" content="${attr(`data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${canaryCall(id).replace(/'/g, '')}'/>`)}">`);
  add('twitter-image-vbscript', 'twitter:image vbscript:', () => `<meta name="twitter:image" content="vbscript:msgbox(1)">`);
  add('icon-javascript', 'site icon javascript:', (id) => `<link rel="icon" href="${js(id)}">`);
  add('icon-data-html', 'site icon data:text/html', (id) => `<link rel="icon" href="${attr(`data:text/html,${markup(id)}`)}">`);
  add('author-markup', 'author meta carrying markup', (id) => `<meta name="author" content="${attr(markup(id))}">`);
  add('site-name-markup', 'og:site_name carrying markup', (id) => `<meta property="og:site_name" content="${attr(markup(id))}">`);
  add('description-markup', 'description carrying markup', (id) => `<meta name="description" content="${attr(markup(id))}"><meta property="og:description" content="${attr(markup(id))}">`);
  add('og-title-markup', 'og:title carrying markup', (id) => `<meta property="og:title" content="${attr(`Flood defences ${markup(id)}`)}">`);
  add('published-time-markup', 'published time carrying markup', (id) => `<meta property="article:published_time" content="${attr(markup(id))}">`);
  add('jsonld-markup', 'JSON-LD fields carrying markup and script URLs', (id) => `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: `Flood ${markup(id)}`,
    author: { '@type': 'Person', name: markup(id), url: js(id) }, image: js(id), url: js(id),
    publisher: { '@type': 'Organization', name: markup(id), logo: { url: `data:text/html,${markup(id)}` } },
    articleBody: markup(id), datePublished: markup(id),
  }).replace(/</g, '\\u003c')}</script>`);
  add('jsonld-script-breakout', 'JSON-LD closing its script early', (id) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"</script><script>${canaryScript(id)}</script>"}</script>`);
  add('lang-dir-injection', 'lang and dir values with quotes and markup', (id) => `<meta http-equiv="content-language" content="${attr(`en" onmouseover="${canaryCall(id)}`)}"><meta property="og:locale" content="${attr(`"><img src=x onerror=${canaryCall(id)}>`)}">`);
  add('lead-image-attacker-css', 'og:image URL that breaks out of a CSS url()', (id) => `<meta property="og:image" content="${attr(`http://images.example/a.png);background:url(${beaconUrl(id, 'css-breakout')}`)}">`);
  return list;
}

export const metadataCases = casesOf('metadata', specs());
