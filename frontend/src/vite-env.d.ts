/// <reference types="vite/client" />

/** Identifies one build; set in vite.config.ts. */
declare const __BUILD_ID__: string;
