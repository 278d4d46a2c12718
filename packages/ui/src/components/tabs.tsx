import type { ReactNode } from "react";
import {
  Tab as AriaTab,
  TabList as AriaTabList,
  TabPanel as AriaTabPanel,
  Tabs as AriaTabs,
  type Key,
} from "react-aria-components";
import { cx } from "../lib/cx";

/** One tab of {@link Tabs}. */
export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
  isDisabled?: boolean;
}

/** Props of {@link Tabs}. */
export interface TabsProps {
  /** Names the tab list for screen readers. */
  "aria-label": string;
  tabs: readonly TabItem[];
  defaultSelectedKey?: string;
  selectedKey?: string;
  onSelectionChange?: (key: string) => void;
  className?: string;
}

/**
 * Tabs (React Aria: arrow keys move between tabs, Home/End jump, the panel follows). Switching
 * needs JavaScript; on a no-JS page only the selected panel shows — use links for such pages.
 */
export function Tabs({
  "aria-label": ariaLabel,
  tabs,
  defaultSelectedKey,
  selectedKey,
  onSelectionChange,
  className,
}: TabsProps) {
  return (
    <AriaTabs
      {...(defaultSelectedKey !== undefined ? { defaultSelectedKey } : {})}
      {...(selectedKey !== undefined ? { selectedKey } : {})}
      {...(onSelectionChange
        ? { onSelectionChange: (key: Key) => onSelectionChange(String(key)) }
        : {})}
      className={cx("flex flex-col gap-4", className)}
    >
      <AriaTabList
        aria-label={ariaLabel}
        className="flex flex-wrap gap-1 border-b border-border-strong"
      >
        {tabs.map((tab) => (
          <AriaTab
            key={tab.id}
            id={tab.id}
            isDisabled={tab.isDisabled}
            className="focus-ring -mb-px cursor-pointer rounded-t-control border-b-4 border-transparent px-4 py-2 font-semibold text-ink-muted hover:text-ink data-[selected]:border-primary data-[selected]:text-primary data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60"
          >
            {tab.label}
          </AriaTab>
        ))}
      </AriaTabList>
      {tabs.map((tab) => (
        <AriaTabPanel key={tab.id} id={tab.id} className="focus-ring rounded-control text-ink">
          {tab.content}
        </AriaTabPanel>
      ))}
    </AriaTabs>
  );
}
