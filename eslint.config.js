import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  // Fixtures are pages of the web as found (hostile scripts included), not Folio's code.
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'artifacts/', 'test-results/', 'bench-results/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One place writes HTML (components/SafeHtmlBlock.tsx, behind the sanitizer's SafeHtml brand).
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Write HTML only through components/SafeHtmlBlock.tsx or lib/sanitize.' }],
    },
  },
  {
    // Playwright fixtures take `{}` and call `use`: neither is React.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
);
