import type { Preview } from "@storybook/react-vite";
import { UiProvider } from "../src/i18n/locale-context";
import "./gallery.css";

const preview: Preview = {
  globalTypes: {
    locale: {
      description: "Language of the components' built-in strings",
      toolbar: { title: "Locale", items: ["en", "fr"], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: "en" },
  decorators: [
    (Story, context) => (
      <UiProvider locale={context.globals.locale === "fr" ? "fr" : "en"}>
        <main className="p-4 font-sans">
          <h1 className="sr-only">{`${context.title}: ${context.name}`}</h1>
          <Story />
        </main>
      </UiProvider>
    ),
  ],
};

export default preview;
