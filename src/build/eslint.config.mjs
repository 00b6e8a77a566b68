// ESLint for the browser glue (src/main/js) and its tests (src/test/js); run by `mvn verify` from the project's
// root with `--config src/build/eslint.config.mjs`, so the patterns below are relative to the root.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/main/js/**/*.js'],
    languageOptions: { ecmaVersion: 2020, sourceType: 'module', globals: globals.browser },
    rules: {
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-implicit-globals': 'error',
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Text from the wire goes in through textContent, never as HTML.' }],
    },
  },
  {
    // the <guest-chat> element is a classic script put inside the bundle's wrapper, where `g` is GuestChat
    files: ['src/main/js/guest-chat-element.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, g: 'readonly' } },
    rules: { 'no-var': 'off', 'prefer-const': 'off' },
  },
  {
    files: ['src/test/js/**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
