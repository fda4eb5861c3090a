import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates typed documents for the operations written with `graphql()` next to the components
 * that run them, and types for the public pages' plain-string operations. The schema is the SDL of
 * the `schema` module, the contract shared with the backend.
 */
const config: CodegenConfig = {
  schema: '../schema/src/main/resources/graphql/**/*.graphqls',
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/public/**/*'],
      preset: 'client',
      presetConfig: {
        // Fragment masking is not used yet; turn it on when the first fragment appears.
        fragmentMasking: false,
      },
      config: {
        // Vite compiles with verbatimModuleSyntax: type-only imports must say so.
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: {
          Date: 'string',
          DateTime: 'string',
        },
        strictScalars: true,
      },
    },
    // The light public pages send their operations as strings (`/* GraphQL */` in src/public/operations.ts):
    // types only, so nothing of them lands in the staff app's document map above.
    './src/gql/public.ts': {
      documents: ['src/public/operations.ts'],
      plugins: ['typescript-operations'],
      config: {
        useTypeImports: true,
        onlyOperationTypes: true,
        enumsAsTypes: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
        },
        strictScalars: true,
      },
    },
  },
};

export default config;
