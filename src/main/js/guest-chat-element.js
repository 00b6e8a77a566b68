// <guest-chat deployment-id="…" region="…"> — the same options as GuestChat.init, as attributes.
// `inline` renders into the element instead of the floating launcher; `.widget` is the instance.
(function (GuestChat) {
  if (!window.customElements || customElements.get('guest-chat')) return;
  var names = ['deployment-id', 'region', 'websocket-url', 'api-url', 'end-on-page-exit', 'confirm-end', 'title', 'theme'];
  function camel(n) { return n.replace(/-([a-z])/g, function (_m, c) { return c.toUpperCase(); }); }
  customElements.define('guest-chat', class extends HTMLElement {
    connectedCallback() {
      if (this.widget) return;
      var options = {};
      for (var i = 0; i < names.length; i++) {
        if (this.hasAttribute(names[i])) options[camel(names[i])] = this.getAttribute(names[i]);
      }
      if (this.hasAttribute('inline')) options.container = this;
      this.widget = GuestChat.init(options);
    }
    disconnectedCallback() {
      if (this.widget) { this.widget.destroy(); this.widget = null; }
    }
  });
})(g);
