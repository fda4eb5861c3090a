import { Alert, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above the WCAG AA contrast of 4.5:1.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  components: {
    // Light alerts colour their title like their background (yellow on yellow is unreadable): keep text dark.
    Alert: Alert.extend({
      styles: { title: { color: 'var(--mantine-color-text)' } },
    }),
  },
});
