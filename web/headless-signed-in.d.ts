// Types for guest-chat-widget/headless-signed-in: the headless session with authenticated web messaging.

import type { SessionOptions as GuestSessionOptions, ChatSession } from './headless.js';
import type { AuthOption } from './index.js';

export * from './headless.js';
export type { AuthGrant, AuthOption } from './index.js';

export interface SessionOptions extends GuestSessionOptions {
  /** The customer's sign-in, or a function giving one when asked; without it the customer chats as a guest. */
  auth?: AuthOption;
}

export function session(options: SessionOptions): ChatSession;
