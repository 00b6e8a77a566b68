// Types of guest-chat-widget's public API (kept in step with dev.guestchat.api; checked by tsc in the tests).

/** When leaving the page ends the conversation (Presence Clear). */
export type EndOnPageExit = 'leave' | 'always' | 'never';

export interface GuestChatOptions {
  /** Messenger deployment id (required). */
  deploymentId: string;
  /** Region domain, e.g. "mypurecloud.com": socket wss://webmessaging.<region>/v1, REST https://api.<region>. */
  region?: string;
  /** Guest API socket base URL; a path such as "/v1" means this page's host. */
  websocketUrl?: string;
  /** REST base URL for history; "" means this page's origin. */
  apiUrl?: string;
  /** Default "leave". */
  endOnPageExit?: EndOnPageExit;
  /** Ask before End chat ends the conversation. Default true. */
  confirmEnd?: boolean;
  /** Panel title. Default "Chat with us". */
  title?: string;
  /** Inline mode: render into this element (or the first match of this selector) instead of the floating launcher. */
  container?: HTMLElement | string;
  /** Default "auto" (follows prefers-color-scheme). */
  theme?: 'light' | 'dark' | 'auto';
  /** Default: the first of navigator.languages the widget has a catalogue for, else English. */
  language?: Language;
  /** Your own words for any text, by key; they win over the catalogue. */
  strings?: Partial<Record<StringKey, string>>;
  /** Where <language>.json catalogues are served (the package's dist/i18n/); default: next to the script build. */
  i18nUrl?: string;
  /**
   * A signed-in customer (authenticated web messaging): the sign-in your identity provider gave, or a function that
   * returns one (or a Promise of one) whenever the widget needs a new one. With it the first stage loads
   * guest-chat-full-signed-in.js; without it the customer chats as a guest.
   */
  auth?: AuthOption;
}

/** What the customer's sign-in at your identity provider gave: an OAuth code (with PKCE), or an OIDC id token. */
export type AuthGrant =
  | { code: string; redirectUri?: string; codeVerifier?: string }
  | { idToken: string; nonce: string };

/** A grant, or your function giving one when asked (null: the customer must sign in; `auth-required` follows). */
export type AuthOption = AuthGrant | (() => AuthGrant | null | Promise<AuthGrant | null>);

export type Language = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'ar';

/** Keys of the message catalogue (English texts in the README; other languages in dist/i18n/*.json). */
export type StringKey =
  | 'title'
  | 'launcher'
  | 'launcherUnread'
  | 'minimize'
  | 'minimizeHint'
  | 'endChat'
  | 'connecting'
  | 'reconnecting'
  | 'ending'
  | 'suspended'
  | 'failed'
  | 'continueHere'
  | 'dismiss'
  | 'conversation'
  | 'hint'
  | 'typing'
  | 'earlier'
  | 'confirmQuestion'
  | 'confirmEnd'
  | 'confirmKeep'
  | 'ended'
  | 'endedByAgent'
  | 'agentLeft'
  | 'startNew'
  | 'message'
  | 'placeholder'
  | 'send'
  | 'sendLabel'
  | 'you'
  | 'agent'
  | 'assistant'
  | 'sending'
  | 'notSent'
  | 'clear-disabled'
  | 'end-timeout'
  | 'end-failed'
  | 'unreachable'
  | 'connection-lost'
  | 'connection-closed'
  | 'session-expired'
  | 'auth-required'
  | 'signed-out'
  | 'signed-in-elsewhere'
  | 'cannot-send'
  | 'read-only'
  | 'too-long'
  | 'attach'
  | 'removeFile'
  | 'uploading'
  | 'fileReady'
  | 'cardOf'
  | 'prevCard'
  | 'nextCard'
  | 'upload-refused'
  | 'upload-too-big'
  | 'upload-failed'
  | 'upload-busy'
  | 'message-rejected'
  | 'message-not-sent'
  | 'outbox-full'
  | 'server-error'
  | 'missing-deployment-id'
  | 'unknown-deployment';

export type ChatState =
  | 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'ending' | 'ended' | 'read_only' | 'suspended' | 'failed';

export interface ChatMessage {
  id: string;
  sender: 'agent' | 'bot' | 'customer' | 'system';
  /** Agent or bot display name; null for the customer. */
  name: string | null;
  text: string;
  /** ISO-8601 server time; null when the server gave none. */
  time: string | null;
}

export type ChatErrorReason =
  | 'clear-disabled' | 'end-timeout' | 'end-failed' | 'unreachable' | 'connection-lost' | 'connection-closed'
  /** refused 3 times in a row although the deployment exists: most likely this site is not in its allowed domains */
  | 'origin-not-allowed'
  | 'session-expired' | 'message-rejected' | 'message-not-sent' | 'cannot-send'
  /** too many of the customer's messages still wait to be sent (100, or 64 KiB): the new one was not taken */
  | 'outbox-full' | 'server-error' | 'missing-deployment-id'
  | 'unknown-deployment' | 'custom-attributes-too-large' | 'upload-refused' | 'upload-failed' | 'upload-busy'
  /** the first stage could not fetch the full widget, or the browser refused it (integrity mismatch) */
  | 'load-failed'
  /** signed-in customers: no JWT without a new sign-in; signed out (here, in another tab or by the service); the
   * customer signed in on another device, which took the chat over */
  | 'auth-required' | 'signed-out' | 'signed-in-elsewhere';

export interface ChatError {
  /** Guest API code (e.g. 403, 4006, 4011), a WebSocket close code, or 0. */
  code: number;
  reason: ChatErrorReason;
  /** Plain words, as shown to the customer (in the widget's language). */
  message: string;
  /** The server's own text or the widget's numbers, when there are any. */
  detail: string | null;
  /** The customer's messages it is about (the ids `send` returned): `message-not-sent`, `message-rejected`. */
  ids: string[];
}

export interface ChatEvents {
  ready: Record<string, never>;
  open: Record<string, never>;
  minimize: Record<string, never>;
  message: ChatMessage;
  state: { state: ChatState };
  ended: { byCustomer: boolean };
  error: ChatError;
  unread: { count: number };
  /** A signed-in customer must sign in again: give `auth` a new grant (a function is asked on the next connect). */
  'auth-required': ChatError;
  /** The signed-in customer was signed out: by signOut() here or in another tab, or by the service. */
  'signed-out': ChatError;
}

export interface ChatWidget {
  open(): void;
  /** Hides the panel; never ends the conversation. */
  minimize(): void;
  /** Ends the conversation without asking; resolves when the server confirmed it. */
  end(): Promise<void>;
  startNew(): void;
  /** Signs the customer out everywhere: revokes their JWT, stops every tab's chat, clears the stored tokens. */
  signOut(): void;
  /** Sends as the customer; false when nothing could be queued. */
  send(text: string): boolean;
  /** Sent with the next customer message; throws when keys + values exceed 2,048 UTF-8 bytes. */
  setCustomAttributes(attributes: Record<string, string>): void;
  state(): ChatState;
  /** Moves keyboard focus to the launcher, or to the message box while the panel is open. */
  focus(): void;
  on<K extends keyof ChatEvents>(event: K, listener: (payload: ChatEvents[K]) => void): void;
  off<K extends keyof ChatEvents>(event: K, listener: (payload: ChatEvents[K]) => void): void;
  /** Removes every listener, timer, socket and DOM node; the conversation itself stays as it is. */
  destroy(): void;
}

export function init(options: GuestChatOptions): ChatWidget;

/** Registers <guest-chat deployment-id="…" region="…" [inline]> (same options as attributes). */
export function defineGuestChatElement(): void;

export interface GuestChatElement extends HTMLElement {
  readonly widget: ChatWidget | null;
}

declare global {
  /** The script build (<script src=".../guest-chat.js">) defines this one global. */
  interface Window {
    GuestChat?: { init(options: GuestChatOptions): ChatWidget; widget: ChatWidget | null };
  }
  interface HTMLElementTagNameMap {
    'guest-chat': GuestChatElement;
  }
}
