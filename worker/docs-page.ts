/**
 * /docs: a self-contained page (no external assets; the hall's network may be offline from CDNs) that fetches
 * /v1/openapi.json and renders each route's access, parameters, responses and error codes, with a "try it" form.
 * Document text is inserted with textContent only.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:";

export const DOCS_PAGE = /* html */ `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>onewindow 接口文档 API</title>
<style>
  body { font: 15px/1.55 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1d2733; background: #f6f7f9; }
  header { background: #b3261e; color: #fff; padding: 18px 28px; }
  header h1 { margin: 0; font-size: 22px; } header p { margin: 4px 0 0; opacity: .9; }
  main { max-width: 1040px; margin: 0 auto; padding: 18px 28px 60px; }
  nav a { display: inline-block; margin: 0 10px 6px 0; }
  section.op { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; margin: 16px 0; padding: 14px 18px; }
  .line { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
  .method { font: bold 13px monospace; color: #fff; background: #1f6feb; border-radius: 4px; padding: 2px 8px; text-transform: uppercase; }
  .path { font: 15px monospace; font-weight: 600; }
  .access { font-size: 12px; border: 1px solid #2da44e; color: #2da44e; border-radius: 10px; padding: 0 8px; }
  .access.restricted { border-color: #bf8700; color: #bf8700; }
  h3 { font-size: 14px; margin: 14px 0 6px; color: #57606a; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { text-align: left; border-bottom: 1px solid #eef0f2; padding: 5px 8px; vertical-align: top; }
  code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
  pre { background: #f6f8fa; border: 1px solid #eef0f2; border-radius: 6px; padding: 8px 10px; overflow: auto; max-height: 420px; }
  .status { font-weight: bold; } .s2 { color: #1a7f37; } .s3 { color: #57606a; } .s4 { color: #bf8700; } .s5 { color: #cf222e; }
  form.try { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; } form.try label { font-size: 13px; display: grid; }
  button { background: #1f6feb; color: #fff; border: 0; border-radius: 5px; padding: 6px 14px; cursor: pointer; }
  #error { color: #cf222e; }
</style>
</head>
<body>
<header><h1 id="title">onewindow 接口文档</h1><p id="subtitle">正在加载 /v1/openapi.json … Loading the OpenAPI document …</p></header>
<main><p id="error"></p><nav id="toc"></nav><div id="ops"></div></main>
<script>
(() => {
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) k === 'class' ? (node.className = v) : (node[k] = v);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
    return node;
  };
  let spec;
  const deref = (s) => { while (s && s.$ref) s = spec.components.schemas[s.$ref.split('/').pop()]; return s || {}; };
  const typeOf = (raw) => {
    const s = deref(raw);
    if (raw && raw.$ref) return raw.$ref.split('/').pop();
    if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
    if (s.const !== undefined) return JSON.stringify(s.const);
    const alts = s.anyOf || s.oneOf;
    if (alts) return alts.map(typeOf).join(' | ');
    if (s.type === 'array') return typeOf(s.items) + '[]';
    return [].concat(s.type || 'any').join(' | ');
  };
  const limits = (s) => ['minimum', 'maximum', 'minLength', 'maxLength', 'default']
    .filter((k) => s[k] !== undefined).map((k) => k + ' ' + s[k]).join(', ');
  // A schema as an indented outline: field, type, required, description.
  const outline = (raw, indent = '', seen = new Set()) => {
    const s = deref(raw);
    const lines = [];
    const target = s.type === 'array' ? deref(s.items) : s;
    const name = raw && raw.$ref ? raw.$ref : (s.type === 'array' && s.items && s.items.$ref) || null;
    if (name && seen.has(name)) return lines;
    const next = new Set(seen); if (name) next.add(name);
    for (const [key, prop] of Object.entries(target.properties || {})) {
      const p = deref(prop);
      const req = (target.required || []).includes(key) ? '' : '?';
      const desc = p.description || prop.description || '';
      lines.push(indent + key + req + ': ' + typeOf(prop) + (desc ? '   // ' + desc : ''));
      const inner = p.type === 'array' ? deref(p.items) : (p.anyOf ? deref(p.anyOf.find((a) => deref(a).properties) || {}) : p);
      if (inner.properties) lines.push(...outline(p.type === 'array' ? p.items : (p.anyOf ? p.anyOf.find((a) => deref(a).properties) : prop), indent + '  ', next));
    }
    return lines;
  };
  const renderOp = (path, method, op) => {
    const id = method + path.replace(/[^a-z0-9]+/gi, '-');
    const access = op['x-access'];
    const restricted = access !== 'public';
    const box = el('section', { class: 'op', id },
      el('div', { class: 'line' }, el('span', { class: 'method' }, method), el('span', { class: 'path' }, path),
        el('span', { class: 'access' + (restricted ? ' restricted' : '') },
          restricted ? '需角色 roles: ' + [].concat(access || '未声明 undeclared').join(', ') : '公开 public'),
        el('strong', {}, op.summary || '')),
      el('p', {}, op.description || ''));
    const params = op.parameters || [];
    if (params.length) {
      box.append(el('h3', {}, '参数 Parameters'));
      const t = el('table', {}, el('tr', {}, el('th', {}, 'name'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'description')));
      for (const p of params) {
        const s = deref(p.schema);
        t.append(el('tr', {}, el('td', {}, el('code', {}, p.name + (p.required ? '' : '?'))), el('td', {}, p.in),
          el('td', {}, typeOf(p.schema) + (limits(s) ? ' (' + limits(s) + ')' : '')),
          el('td', {}, (p.description || s.description || '') + (s.example !== undefined ? '  e.g. ' + s.example : ''))));
      }
      box.append(t);
    }
    box.append(el('h3', {}, '响应 Responses'));
    for (const [status, res] of Object.entries(op.responses || {})) {
      const media = res.content && res.content['application/json'];
      const row = el('div', {}, el('span', { class: 'status s' + status[0] }, status), ' ', res.description || '');
      if (media && media.schema) row.append(el('pre', {}, outline(media.schema).join('\\n') || typeOf(media.schema)));
      if (media && media.examples) {
        for (const [name, ex] of Object.entries(media.examples)) {
          row.append(el('details', {}, el('summary', {}, '示例 example: ' + (ex.summary || name)), el('pre', {}, JSON.stringify(ex.value, null, 2))));
        }
      }
      box.append(row);
    }
    if (method === 'get' && path !== '/docs') box.append(tryIt(path, params));
    return box;
  };
  // Sends the request from this page and shows status, request id and body.
  const tryIt = (path, params) => {
    const form = el('form', { class: 'try' });
    const out = el('pre', { hidden: true });
    for (const p of params) {
      const s = deref(p.schema);
      form.append(el('label', {}, p.name, el('input', { name: p.name, value: s.example ?? '', size: 14 })));
    }
    form.append(el('button', { type: 'submit' }, '试一试 Try it'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      let url = path; const query = new URLSearchParams();
      for (const p of params) {
        const v = form.elements[p.name].value;
        if (p.in === 'path') url = url.replace('{' + p.name + '}', encodeURIComponent(v));
        else if (v !== '') query.set(p.name, v);
      }
      const full = url + (query.size ? '?' + query : '');
      const res = await fetch(full);
      const text = await res.text();
      let body = text; try { body = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      out.hidden = false;
      out.textContent = 'GET ' + full + '\\n' + res.status + '  X-Request-Id: ' + res.headers.get('X-Request-Id') + '\\n\\n' + body;
    });
    return el('div', {}, el('h3', {}, '调试 Try it'), form, out);
  };
  fetch('/v1/openapi.json').then((r) => r.json()).then((doc) => {
    spec = doc; spec.components = spec.components || { schemas: {} };
    document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
    document.getElementById('subtitle').textContent = doc.info.description || '';
    const toc = document.getElementById('toc'), ops = document.getElementById('ops');
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const section = renderOp(path, method, op);
        toc.append(el('a', { href: '#' + section.id }, method.toUpperCase() + ' ' + path));
        ops.append(section);
      }
    }
  }).catch((e) => { document.getElementById('error').textContent = '加载失败 Failed to load /v1/openapi.json: ' + e; });
})();
</script>
</body>
</html>
`;
