import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates typed documents for the operations written with `graphql()` next to the components
 * that run them. The schema is the SDL of the `schema` module, the contract shared with the backend.
 */
const config: CodegenConfig = {
  schema: '../schema/src/main/resources/graphql/**/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
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
  },
};

export default config;
