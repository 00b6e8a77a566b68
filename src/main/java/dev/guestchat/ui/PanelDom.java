package dev.guestchat.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Draws the panel in the shadow root: builds its elements once, then on every update shows or hides parts and
 * sets texts from {@link ChatPanel#view()}, and keeps the transcript's row elements in step with the rows' JSON
 * ({@link RowView#json()}). A row whose JSON did not change keeps its element — with its focus, pictures and
 * carousel position, and so screen readers announce only new rows; a new or changed one is built again. The
 * quick replies are not part of a row's JSON: they move with the newest row and leave when it is no longer newest. Written as one small DOM builder rather than a template
 * library: a template's bindings compiled to about a fifth of the bundle.
 *
 * <p>Hidden parts leave the DOM (as a template's conditions did): each has a comment node marking its place, so
 * styles need no {@code [hidden]} rule and the tests see exactly what the customer sees. Static texts carry
 * {@code data-t} (text) / {@code data-ta} (aria-label) / {@code data-tt} (title) / {@code data-tp} (placeholder)
 * catalogue keys, filled when the panel is built and again when the language changes. A button reports its
 * {@code data-w} name with the label, payload and message id it carries — a quick reply as {@code reply}, a card's
 * Postback button ({@link RichParts}) as {@code choose}.
 * Only text goes in through {@code textContent}; links are http(s)/mailto/tel addresses {@link FormattedText}
 * checked, opened in a new tab without an opener.
 */
final class PanelDom {
    private PanelDom() {
    }

    /**
     * Builds the panel into {@code r} with the catalogue {@code t} and {@code rich}, {@link RichParts}'s drawing
     * function for files and cards; returns its handle: {@code d(view, rows)} draws the state, {@code f()} fills the
     * static texts again after a language change (hidden parts too), {@code x()} removes the panel and its listener.
     */
    @JSBody(params = {"r", "t", "on", "rich"}, script = ""
            + "var _tl=[];function _n(_g,_c,_p,_x){var _e=document.createElement(_g);if(_c)_e.className=_c;"
            + "if(_x)for(var _k in _x){_e.setAttribute(_k,_x[_k]);if(_k.indexOf('data-t')===0&&_tl.indexOf(_e)<0)_tl.push(_e);}"
            + "if(_p)_p.appendChild(_e);return _e;}"
            + "function _fill(){_tl.forEach(function(_e){var _k;"
            + "if(_k=_e.getAttribute('data-t'))_e.textContent=t[_k];"
            + "if(_k=_e.getAttribute('data-ta'))_e.setAttribute('aria-label',t[_k]);"
            + "if(_k=_e.getAttribute('data-tt'))_e.setAttribute('title',t[_k]);"
            + "if(_k=_e.getAttribute('data-tp'))_e.setAttribute('placeholder',t[_k]);});}"
            + "function _b(_c,_w,_p,_x){var _e=_n('button',_c,_p,_x);_e.type='button';_e.setAttribute('data-w',_w);return _e;}"
            + "function _if(_e){_e._a=document.createComment('');_e.parentNode.insertBefore(_e._a,_e);_e.remove();return _e;}"
            + "function _sh(_e,_v){if(!_v)_e.remove();else if(!_e.parentNode)_e._a.parentNode.insertBefore(_e,_e._a.nextSibling);}"
            + "function _tx(_e,_v){if(_e.textContent!==_v)_e.textContent=_v;}"
            + "var _hd={'aria-hidden':'true'},_g=_n('div','gcw',r),"
            + "_L=_if(_b('gcw-launcher','launch',_g));_n('span','gcw-launcher-icon',_L,_hd);var _B=_if(_n('span','gcw-badge',_L,_hd)),"
            + "_P=_if(_n('section','gcw-panel',_g,{role:'dialog'})),_H=_n('header','gcw-header',_P),"
            + "_T=_n('h2','gcw-title',_H),_M=_if(_b('gcw-minimize','minimize',_H,{'data-ta':'minimize','data-tt':'minimizeHint'})),"
            + "_E=_if(_b('gcw-end','askEnd',_H,{'data-t':'endChat'})),"
            + "_S=_if(_n('div','gcw-status',_P,{role:'status'})),_St=_S.appendChild(document.createTextNode('')),"
            + "_R=_if(_b('gcw-link gcw-reconnect','reconnect',_S,{'data-t':'continueHere'})),"
            + "_N=_if(_n('div','gcw-notice',_P,{role:'alert'})),_Nt=_n('span','gcw-notice-text',_N),"
            + "_G=_n('div','gcw-log',_P,{role:'log','aria-live':'polite','data-ta':'conversation',tabindex:'0'}),"
            + "_Hi=_if(_n('p','gcw-hint',_G,{'data-t':'hint'})),_Y=_if(_b('gcw-link gcw-earlier','earlier',_G,{'data-t':'earlier'})),"
            + "_A=_G.appendChild(document.createComment('')),_K=_if(_n('p','gcw-typing',_G,{'aria-live':'off','data-t':'typing'})),"
            + "_C=_if(_n('div','gcw-confirm',_P,{role:'alertdialog','aria-modal':'true','aria-labelledby':'gcw-confirm-q'})),"
            + "_D=_if(_n('div','gcw-ended',_P,{role:'status'})),_Dt=_n('p',0,_D),"
            + "_U=_if(_n('div','gcw-upload',_P)),_Un=_n('span','gcw-upload-name',_U),"
            + "_Up=_n('progress','gcw-progress',_U,{max:'100'}),"
            + "_W=_if(_n('div','gcw-composer',_P)),_At=_if(_b('gcw-attach','pick',_W,{'data-ta':'attach','data-tt':'attach'})),"
            + "_F=_if(_n('input','gcw-file-input',_W,{type:'file',hidden:''})),_Q=_n('div','gcw-choices'),_rs=[];"
            + "_n('span',0,_M,_hd).textContent='\\u2013';_b('gcw-link','dismiss',_N,{'data-ta':'dismiss'}).textContent='\\u00d7';"
            + "_n('p',0,_C,{id:'gcw-confirm-q','data-t':'confirmQuestion'});_b('gcw-confirm-end','confirm',_C,{'data-t':'confirmEnd'});"
            + "_b('gcw-confirm-cancel','cancelEnd',_C,{'data-t':'confirmKeep'});_b('gcw-start-new','startNew',_D,{'data-t':'startNew'});"
            + "_b('gcw-link gcw-remove-file','remove',_U,{'data-ta':'removeFile'}).textContent='\\u00d7';"
            + "_n('span',0,_At,_hd).textContent='+';_n('textarea','gcw-input',_W,{rows:'2','data-ta':'message','data-tp':'placeholder'});"
            + "_b('gcw-send','send',_W,{'data-ta':'sendLabel','data-t':'send'});"
            + "function _row(_j){var _e=_n('div',_j.c),_t;if(_j.w!=null)_n('span','gcw-who',_e).textContent=_j.w;"
            + "_t=_n('div','gcw-text',_e);_j.b.forEach(function(_k){var _p=_n('p',_k.c,_t);_k.s.forEach(function(_s){"
            + "var _a=_s.h?_n('a',_s.c,_p,{href:_s.h,target:'_blank',rel:'noopener noreferrer'}):_n('span',_s.c,_p);"
            + "_a.textContent=_s.x;});});if(_j.r)rich(_n('div','gcw-rich',_e),_j.r);"
            + "_n('span','gcw-delivery',_e).textContent=_j.d;return _e;}"
            + "function _ck(_e){var _t=_e.target,_c=_t&&_t.closest&&_t.closest('[data-w]');"
            + "if(_c&&_g.contains(_c))on(_c.getAttribute('data-w'),null,_c._t||null,_c._p==null?null:_c._p,_c._m||null);}"
            + "r.addEventListener('click',_ck);_fill();"
            + "return {f:_fill,x:function(){r.removeEventListener('click',_ck);_g.remove();},d:function(_s,_rw){var _j=JSON.parse(_s);"
            + "_sh(_L,!_j.o);_L.setAttribute('aria-label',_j.l);_sh(_B,_j.u>0);_tx(_B,''+_j.u);"
            + "_sh(_P,_j.o);_P.setAttribute('aria-label',_j.t);_tx(_T,_j.t);_sh(_M,_j.m);_sh(_E,_j.e);"
            + "_sh(_S,!!_j.s);if(_St.data!==_j.s)_St.data=_j.s;_sh(_R,_j.p);_sh(_N,_j.n!=null);_tx(_Nt,_j.n||'');"
            + "_sh(_Hi,_j.h);_sh(_Y,_j.y);_sh(_K,_j.k);_sh(_C,_j.c);_sh(_D,_j.d!=null);_tx(_Dt,_j.d||'');"
            + "_sh(_U,_j.w&&!!_j.f);if(_j.f){_tx(_Un,_j.f.n);_Up.value=_j.f.v;_Up.setAttribute('aria-label',_j.f.l);}"
            + "_sh(_W,_j.w);_sh(_At,_j.a);_sh(_F,_j.a);"
            + "var _m=new Map(),_nw=[],_pv=_A;_rs.forEach(function(_e){var _l=_m.get(_e._j);if(_l)_l.push(_e);else _m.set(_e._j,[_e]);});"
            + "_rw.forEach(function(_x){var _l=_m.get(_x),_e=_l&&_l.shift();if(!_e){_e=_row(JSON.parse(_x));_e._j=_x;}_nw.push(_e);});"
            + "_m.forEach(function(_l){_l.forEach(function(_e){_e.remove();});});"
            + "_nw.forEach(function(_e){if(_pv.nextSibling!==_e)_G.insertBefore(_e,_pv.nextSibling);_pv=_e;});_rs=_nw;"
            + "var _q=_j.q,_qs=JSON.stringify(_q||0);if(_Q._s!==_qs){_Q._s=_qs;_Q.textContent='';"
            + "if(_q)_q.b.forEach(function(_x){var _c=_b('gcw-choice','reply',_Q);_c.textContent=_c._t=_x.t;_c._p=_x.p;_c._m=_q.m;});}"
            + "if(_q&&_pv!==_A){if(_Q.parentNode!==_pv)_pv.appendChild(_Q);}else _Q.remove();}};")
    static native JSObject install(JSObject root, JSObject texts, RichParts.Input on, JSObject rich);

    /** Draws {@code view} ({@link ChatPanel#view()}) with these rows' JSON, oldest first. */
    static void draw(JSObject drawn, ChatPanel panel) {
        JSObject rows = newArray();
        for (RowView row : panel.rows()) {
            push(rows, row.json());
        }
        draw(drawn, panel.view(), rows);
    }

    @JSBody(params = {"p", "s", "rows"}, script = "p.d(s,rows);")
    static native void draw(JSObject panel, String view, JSObject rows);

    /** Fills the static texts from the catalogue object again: the language changed. */
    @JSBody(params = "p", script = "p.f();")
    static native void refill(JSObject panel);

    /** Removes the panel. */
    @JSBody(params = "p", script = "p.x();")
    static native void remove(JSObject panel);

    @JSBody(script = "return [];")
    private static native JSObject newArray();

    @JSBody(params = {"a", "s"}, script = "a.push(s);")
    private static native void push(JSObject array, String s);
}
