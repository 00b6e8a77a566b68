package dev.guestchat.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Draws a message's files and cards, and listens for files coming in. {@link PanelDom} gives each row that has
 * files or cards one {@code .gcw-rich} element and hands it to {@link #builder}'s function with the row's JSON
 * ({@link RowView#richJson}); it turns that into thumbnails, download links, cards, button lists and carousels.
 * Kept apart from the panel's builder because it is most of the transcript's drawing code and has its own
 * listeners (files, pictures that fail, carousel keys).
 *
 * <p>Only text and the http(s) addresses core already checked reach the DOM ({@code textContent}, {@code href},
 * {@code src}); links open in a new tab without an opener. A carousel shows one card at a time with previous and
 * next buttons (and the arrow keys) and says "2 of 3". A Postback button is a panel control named {@code choose}
 * carrying its label, payload and message id ({@link PanelDom} reports it). A picture that finishes loading keeps
 * the newest message in view, as every update does.
 */
final class RichParts {
    private RichParts() {
    }

    /**
     * What happens in the panel, in one callback (one class in the bundle rather than several):
     * {@code ("file", file)} a file from the picker, dropped on the panel or pasted into it (the first one: one per
     * message); {@code ("failed", null, attachment id)} an image in the transcript that did not load; a panel
     * control's name with its label, payload and message id when it has them ({@link PanelDom}).
     */
    @JSFunctor
    interface Input extends JSObject {
        void on(String what, JSObject file, String a, String b, String c);
    }

    /** The drawing function {@code f(element, json)} for the root {@code r} and the catalogue {@code t}. */
    @JSBody(params = {"r", "t"}, script = ""
            + "function _sc(){var _l=r.querySelector('.gcw-log');if(_l)_l.scrollTop=_l.scrollHeight;}"
            + "function _n(_g,_c,_x,_p){var _e=document.createElement(_g);if(_c)_e.className=_c;if(_g==='img')_e.onload=_sc;"
            + "if(_x!=null)_e.textContent=_x;_p.appendChild(_e);return _e;}"
            + "function _a(_u,_c,_x,_p){var _e=_n('a',_c,_x,_p);_e.href=_u;_e.target='_blank';"
            + "_e.rel='noopener noreferrer';return _e;}"
            + "return function(_el,_s){var _j=JSON.parse(_s);"
            + "(_j.f||[]).forEach(function(_f){if(!_f.u){_n('span','gcw-file',_f.n,_el);return;}"
            + "var _l=_a(_f.u,'gcw-file',_f.g?null:_f.n,_el);if(!_f.g){_l.setAttribute('download','');return;}"
            + "var _i=_n('img','gcw-thumb',null,_l);_i.src=_f.u;_i.alt=_f.n;_i.setAttribute('data-id',_f.i||'');});"
            + "var _c=_j.c||[];if(!_c.length)return;var _w=_n('div','gcw-cards',null,_el),_r=_j.r&&_c.length>1;"
            + "_c.forEach(function(_d){var _v=_n('div','gcw-card',null,_w);"
            + "if(_d.g){var _m=_n('img','gcw-card-img',null,_v);_m.src=_d.g;_m.alt='';}"
            + "if(_d.t!=null){if(_d.u)_a(_d.u,'gcw-card-title',_d.t,_v);else _n('strong','gcw-card-title',_d.t,_v);}"
            + "if(_d.d)_n('p','gcw-card-text',_d.d,_v);var _s=_n('div','gcw-choices',null,_v);"
            + "(_d.b||[]).forEach(function(_x){if(_x.u){_a(_x.u,'gcw-choice',_x.t,_s);return;}"
            + "var _k=_n('button','gcw-choice',_x.t,_s);_k.type='button';_k.setAttribute('data-w','choose');"
            + "_k._t=_x.t;_k._p=_x.p;_k._m=_j.m;});});"
            + "if(!_r)return;var _z=_n('div','gcw-carousel-nav',null,_w),_pv=_n('button','gcw-prev','\\u2039',_z),"
            + "_ps=_n('span','gcw-position',null,_z),_nx=_n('button','gcw-next','\\u203a',_z),_at=0;"
            + "_pv.type=_nx.type='button';_pv.setAttribute('aria-label',t['prevCard']);_nx.setAttribute('aria-label',t['nextCard']);"
            + "_ps.setAttribute('aria-live','polite');_w.setAttribute('role','group');"
            + "function _go(_i){_at=Math.max(0,Math.min(_c.length-1,_i));var _cs=_w.querySelectorAll('.gcw-card');"
            + "for(var _q=0;_q<_cs.length;_q++)_cs[_q].hidden=_q!==_at;"
            + "var _y=t['cardOf'].replace('{n}',_at+1).replace('{1}',_c.length);_ps.textContent=_y;"
            + "_w.setAttribute('aria-label',_y);_pv.setAttribute('aria-disabled',_at===0);"
            + "_nx.setAttribute('aria-disabled',_at===_c.length-1);}"
            + "_pv.onclick=function(){_go(_at-1);};_nx.onclick=function(){_go(_at+1);};_go(0);};")
    static native JSObject builder(JSObject root, JSObject texts);

    /**
     * Listens in {@code root} for files (change on the picker's input, drop, paste), images that fail ({@code error}
     * does not bubble, so it is caught on the way down) and the arrow keys in a carousel; returns the function that
     * stops it all.
     */
    @JSBody(params = {"r", "on"}, script = ""
            + "var _h=r.host;function _f(_l){if(_l&&_l.length)on('file',_l[0]);}"
            + "function _ch(_e){var _t=_e.target;if(_t&&_t.classList&&_t.classList.contains('gcw-file-input')){"
            + "_f(_t.files);_t.value='';}}"
            + "function _ov(_e){var _d=_e.dataTransfer;if(_d&&Array.prototype.indexOf.call(_d.types||[],'Files')>=0){"
            + "_e.preventDefault();_h.setAttribute('data-drop','');}}"
            + "function _lv(){_h.removeAttribute('data-drop');}"
            + "function _dr(_e){_lv();var _d=_e.dataTransfer;if(_d&&_d.files&&_d.files.length){_e.preventDefault();_f(_d.files);}}"
            + "function _pa(_e){var _d=_e.clipboardData;if(_d&&_d.files&&_d.files.length){_e.preventDefault();_f(_d.files);}}"
            + "function _er(_e){var _t=_e.target;if(_t&&_t.classList&&_t.classList.contains('gcw-thumb'))"
            + "on('failed',null,_t.getAttribute('data-id'));}"
            + "function _ky(_e){var _t=_e.target,_g=_t&&_t.closest&&_t.closest('.gcw-cards');"
            + "if(!_g||(_e.key!=='ArrowLeft'&&_e.key!=='ArrowRight'))return;"
            + "var _u=_g.querySelector(_e.key==='ArrowLeft'?'.gcw-prev':'.gcw-next');if(_u){_e.preventDefault();_u.click();}}"
            + "var _on=[['change',_ch],['dragover',_ov],['dragleave',_lv],['drop',_dr],['paste',_pa],"
            + "['error',_er],['keydown',_ky]];_on.forEach(function(_a){r.addEventListener(_a[0],_a[1],true);});"
            + "return function(){_on.forEach(function(_a){r.removeEventListener(_a[0],_a[1],true);});};")
    static native JSObject listen(JSObject root, Input on);
}
