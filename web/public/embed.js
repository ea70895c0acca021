/*!
 * Northwind Cloud chat embed.
 *
 *   <script src="https://support.example.com/embed.js" data-bot-url="https://support.example.com" async></script>
 *
 * Adds a chat bubble to the page; the first click loads the chat (BOT_URL/?embed=1) in an iframe
 * served by the bot host, which gets its own Direct Line token from BOT_URL/api/chat/token.
 * No secret and no token ever pass through the host page.
 *
 * Optional attributes: data-title, data-accent (CSS colour), data-position ("right" | "left"),
 * data-open ("true" opens on load), data-user-name (display name passed to the chat),
 * data-z-index. API: window.NorthwindChat.open() / .close() / .toggle().
 */
(function () {
  'use strict';

  if (window.NorthwindChat) return; // Loaded twice: keep the first.

  var script = document.currentScript;
  if (!script) {
    var scripts = document.querySelectorAll('script[src*="embed.js"]');
    script = scripts[scripts.length - 1];
  }
  if (!script) return;

  function attr(name, fallback) {
    var value = script.getAttribute('data-' + name);
    return value === null || value === '' ? fallback : value;
  }

  var botUrl;
  try {
    botUrl = new URL(attr('bot-url', script.src), document.baseURI);
  } catch (e) {
    console.error('[NorthwindChat] data-bot-url is not a valid URL:', attr('bot-url', ''));
    return;
  }
  var botOrigin = botUrl.origin;
  var basePath = botUrl.pathname.replace(/\/embed\.js$/, '').replace(/\/+$/, '');
  var title = attr('title', 'Chat with Northwind support');
  var accent = attr('accent', '#0b5cad');
  if (!/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|rgba?\([\d\s.,%]+\))$/.test(accent)) accent = '#0b5cad';
  var side = attr('position', 'right') === 'left' ? 'left' : 'right';
  var zIndex = parseInt(attr('z-index', '2147483000'), 10) || 2147483000;
  var userName = attr('user-name', '');

  var frameUrl = botOrigin + basePath + '/?embed=1' + (userName ? '&userName=' + encodeURIComponent(userName) : '');

  var host = document.createElement('div');
  host.setAttribute('data-northwind-chat', '');
  host.style.cssText = 'position:fixed;bottom:0;' + side + ':0;z-index:' + zIndex + ';';
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;

  var style = document.createElement('style');
  style.textContent =
    ':host{all:initial}' +
    '.bubble{position:fixed;bottom:20px;' + side + ':20px;width:60px;height:60px;border-radius:50%;border:0;cursor:pointer;' +
    'background:' + accent + ';color:#fff;box-shadow:0 8px 24px rgba(16,36,64,.25);display:grid;place-items:center;padding:0}' +
    '.bubble:focus-visible{outline:3px solid #9cc8f5;outline-offset:2px}' +
    '.panel{position:fixed;bottom:92px;' + side + ':20px;width:min(400px,calc(100vw - 32px));height:min(640px,calc(100vh - 120px));' +
    'border-radius:16px;overflow:hidden;box-shadow:0 12px 40px rgba(16,36,64,.25);background:#fff;display:none}' +
    '.panel.open{display:block}' +
    '.panel iframe{border:0;width:100%;height:100%;display:block}' +
    '@media (max-width:560px){.panel{bottom:0;' + side + ':0;width:100vw;height:100vh;border-radius:0}.panel.open+.bubble{display:none}}';
  root.appendChild(style);

  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  root.appendChild(panel);

  var bubble = document.createElement('button');
  bubble.type = 'button';
  bubble.className = 'bubble';
  bubble.setAttribute('aria-label', 'Open: ' + title);
  bubble.setAttribute('aria-expanded', 'false');
  bubble.innerHTML =
    '<svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" ' +
    'd="M12 3C6.5 3 2 6.6 2 11c0 2.3 1.2 4.4 3.2 5.9L4.5 21l4.4-2.4c1 .3 2 .4 3.1.4 5.5 0 10-3.6 10-8s-4.5-8-10-8Z"/></svg>';
  root.appendChild(bubble);

  var frame = null;
  var isOpen = false;

  function open() {
    if (!frame) {
      // Created on first open: pages that never open the chat never load it.
      frame = document.createElement('iframe');
      frame.src = frameUrl;
      frame.title = title;
      frame.setAttribute('allow', 'clipboard-write');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      panel.appendChild(frame);
    }
    isOpen = true;
    panel.className = 'panel open';
    bubble.setAttribute('aria-expanded', 'true');
    bubble.setAttribute('aria-label', 'Close: ' + title);
    try { frame.focus(); } catch (e) { /* ignore */ }
  }

  function close() {
    isOpen = false;
    panel.className = 'panel';
    bubble.setAttribute('aria-expanded', 'false');
    bubble.setAttribute('aria-label', 'Open: ' + title);
    bubble.focus();
  }

  function toggle() {
    if (isOpen) close(); else open();
  }

  bubble.addEventListener('click', toggle);
  document.addEventListener('keydown', function (event) {
    if (isOpen && (event.key === 'Escape' || event.key === 'Esc')) close();
  });
  window.addEventListener('message', function (event) {
    if (event.origin !== botOrigin || !frame || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data && data.type === 'northwind-chat:close') close();
  });

  function mount() {
    document.body.appendChild(host);
    if (attr('open', 'false') === 'true') open();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  window.NorthwindChat = { open: open, close: close, toggle: toggle };
})();
