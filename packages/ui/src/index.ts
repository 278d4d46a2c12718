// Public API of @peacelearn/ui. Styles come from "@peacelearn/ui/theme.css".
export { Alert, type AlertProps, type AlertTone } from "./components/alert";
export { Avatar, type AvatarProps, initialsOf } from "./components/avatar";
export { Badge, type BadgeProps, badgeClassName, Tag, type Tone } from "./components/badge";
export {
  type BreadcrumbItem,
  Breadcrumbs,
  type BreadcrumbsProps,
} from "./components/breadcrumbs";
export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
  buttonClassName,
  LinkButton,
  type LinkButtonProps,
} from "./components/button";
export { Card, type CardProps } from "./components/card";
export { Checkbox, type CheckboxProps } from "./components/checkbox";
export { Dialog, type DialogProps } from "./components/dialog";
export {
  DisaggregationChart,
  type DisaggregationChartProps,
} from "./components/disaggregation-chart";
export {
  type CellValue,
  type DisaggregationCell,
  type DisaggregationData,
  type DisaggregationDimension,
  pyramidGrid,
} from "./components/disaggregation-data";
export {
  ActivityTypeTag,
  type ActivityTypeTagProps,
  MarkerBadge,
  type MarkerBadgeProps,
} from "./components/domain-tags";
export { EmptyState, type EmptyStateProps } from "./components/empty-state";
export {
  ErrorSummary,
  type ErrorSummaryItem,
  type ErrorSummaryProps,
} from "./components/error-summary";
export {
  Field,
  type FieldBaseProps,
  type FieldControlProps,
  type FieldProps,
} from "./components/field";
export type { KitLinkProps, RenderLink } from "./components/link-render";
export {
  CountryName,
  type CountryNameProps,
  RegionBadge,
  type RegionBadgeProps,
} from "./components/location";
export { Pagination, type PaginationProps, paginationItems } from "./components/pagination";
export { ProgressBar, type ProgressBarProps } from "./components/progress-bar";
export {
  RadioGroup,
  type RadioGroupProps,
  type RadioOption,
  radioGroupFirstInputId,
} from "./components/radio-group";
export { Select, type SelectOption, type SelectProps } from "./components/select";
export { Skeleton, type SkeletonProps } from "./components/skeleton";
export { Stat, type StatProps } from "./components/stat";
export { Table, type TableColumn, type TableProps } from "./components/table";
export {
  nextSort,
  parseTableSort,
  type SortDirection,
  type TableSort,
  tableSortHref,
} from "./components/table-sort";
export { type TabItem, Tabs, type TabsProps } from "./components/tabs";
export {
  TextArea,
  type TextAreaProps,
  TextField,
  type TextFieldProps,
} from "./components/text-field";
export {
  type Toast,
  type ToastApi,
  ToastProvider,
  type ToastProviderProps,
  ToastRegion,
  type ToastRegionProps,
  useToast,
} from "./components/toast";
export {
  type LocalizedProps,
  UiProvider,
  type UiProviderProps,
  useUiMessages,
} from "./i18n/locale-context";
export {
  builtInMessages,
  enMessages,
  formatMessage,
  frMessages,
  type UiLocale,
  type UiMessages,
} from "./i18n/messages";
export {
  type ColorToken,
  type ContrastKind,
  type ContrastPair,
  colorTokens,
  contrastPairs,
  contrastRatio,
  minimumContrast,
  radiusTokens,
  relativeLuminance,
} from "./theme/tokens";
