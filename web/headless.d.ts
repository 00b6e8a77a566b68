// Types for guest-chat-widget/headless: the chat session without any UI, for pages that draw their own chat.
// Every message, typing change and status arrives as an event; nothing here touches the DOM.

import type { ChatError, ChatState, EndOnPageExit } from './index.js';

export type { ChatError, ChatState, EndOnPageExit };

export interface SessionOptions {
  /** Messenger deployment id. */
  deploymentId: string;
  /** Region domain, e.g. 'mypurecloud.com': socket wss://webmessaging.<region>/v1, REST https://api.<region>. */
  region?: string;
  /** Guest API socket base instead of the region's; a path like '/v1' means this page's host. */
  websocketUrl?: string;
  /** REST base for history instead of the region's; '' means this page's origin. */
  apiUrl?: string;
  /** 'leave' (default): end when the customer leaves the site; 'always': on every exit; 'never': only end(). */
  endOnPageExit?: EndOnPageExit;
}

/** A run of text with one look; `href` only for links to http(s):, mailto: and tel:. */
export interface TextSpan {
  text: string;
  /** Space-separated: 'bold', 'italic', 'struck', 'code'; '' when plain. */
  style: string;
  href?: string;
}

/** One line of a message: a paragraph line or a bullet item. */
export interface TextBlock {
  bullet: boolean;
  spans: TextSpan[];
}

/** A quick reply or a card's button; hand it to reply() as it is (a Link button has a url and no kind). */
export interface SessionButton {
  text: string;
  payload?: string;
  url?: string;
  messageId: string;
  kind?: 'QuickReply' | 'Button';
}

export interface SessionFile {
  id?: string;
  name: string;
  /** A download address that expires; call refreshFile(id) when it fails to load. */
  url?: string;
  image: boolean;
}

export interface SessionCard {
  title?: string;
  text?: string;
  image?: string;
  url?: string;
  buttons: SessionButton[];
}

export interface SessionMessage {
  /** The service's id; for a message sent from this page, its localId until the service acknowledged it. */
  id: string;
  /** What send() or reply() returned, for messages sent from this page; absent otherwise. */
  localId?: string;
  /** 'system' rows are the session's own notes: their text is a key ('agentLeft'). */
  sender: 'agent' | 'bot' | 'customer' | 'system';
  name?: string;
  /** The text as written (agent text may carry Messenger's markdown). */
  text: string;
  /** ISO-8601 server time; absent until the service gave one. */
  time?: string;
  status: 'sending' | 'sent' | 'failed';
  /** From history: said before this page (or while the socket was down), not just now. */
  restored: boolean;
  /** The text formatted as the widget's panel draws it. Draw as text nodes: nothing here is markup. */
  blocks: TextBlock[];
  files: SessionFile[];
  quickReplies: SessionButton[];
  cards: SessionCard[];
  /** The cards are a carousel (one at a time). */
  carousel: boolean;
}

export interface SessionEvents {
  message: SessionMessage;
  'message-status': SessionMessage;
  'message-update': SessionMessage;
  'message-removed': SessionMessage;
  reset: Record<string, never>;
  restored: { count: number };
  typing: { typing: boolean };
  state: { state: ChatState };
  ended: { byCustomer: boolean };
  error: ChatError;
  /** A signed-in customer must sign in again (guest-chat-widget/headless-signed-in). */
  'auth-required': ChatError;
  /** The signed-in customer was signed out: here, in another tab, or by the service. */
  'signed-out': ChatError;
  'upload-progress': { file: { name: string; percent: number; ready: boolean } | null };
  'uploads-allowed': { allowed: boolean };
}

export interface ChatSession {
  /** Connects now (your chat UI opened), or takes the chat back from another window. */
  connect(): void;
  /** The message's id on this page (its localId), or null when nothing was queued. */
  send(text: string): string | null;
  /** Answers a quick reply or a card's Postback button; its id on this page, or null. */
  reply(button: SessionButton): string | null;
  /** Call on input: the agent may see "typing" (at most one event per 5 s). */
  typing(): void;
  /** Uploads at once; the file goes with the next send(). False when refused (type, size, state). */
  attach(file: File): boolean;
  removeAttachment(): void;
  refreshFile(attachmentId: string): void;
  /** Presence Clear; resolves once the service confirmed, rejects with the error. */
  end(): Promise<void>;
  startNew(): void;
  /** A signed-in customer signs out everywhere (JWT revoked, every tab stops, tokens cleared); nothing for a guest. */
  signOut(): void;
  setCustomAttributes(attributes: Record<string, string | number | boolean>): void;
  state(): ChatState;
  /** The transcript, oldest first. */
  messages(): SessionMessage[];
  on<K extends keyof SessionEvents>(event: K, listener: (payload: SessionEvents[K]) => void): void;
  off<K extends keyof SessionEvents>(event: K, listener: (payload: SessionEvents[K]) => void): void;
  /** Closes the socket, removes listeners and timers; the conversation stays as it is. Later calls throw. */
  destroy(): void;
}

export function session(options: SessionOptions): ChatSession;
