// Compile-time proof that the simulator offers nothing Excel lacks: every public member of each
// simulated class exists with the same name in @types/office-js, and data properties have types
// the real API accepts. A misspelling (autoFitColumns for autofitColumns) fails `npm run
// typecheck`. Members whose names start with _ are the simulator's own plumbing.
import type {
  SimCharts,
  SimChart,
  SimChartAxes,
  SimChartAxis,
  SimChartLegend,
  SimChartTitle,
} from './charts';
import type { INTERNAL, SimClientResult } from './core';
import type { SimFunctionResult, SimFunctions } from './functions';
import type { SimNamedItem, SimNamedItemCollection } from './names';
import type { SimEventHandlerResult, SimEventHandlers } from './events';
import type {
  SimFormatProtection,
  SimRange,
  SimRangeBorder,
  SimRangeBorderCollection,
  SimRangeFill,
  SimRangeFont,
  SimRangeFormat,
  SimRangeView,
} from './range';
import type {
  SimCellValueConditionalFormat,
  SimConditionalDataBarPositiveFormat,
  SimConditionalFormat,
  SimConditionalFormatCollection,
  SimConditionalFormatRule,
  SimConditionalRangeFill,
  SimConditionalRangeFont,
  SimConditionalRangeFormat,
  SimCustomConditionalFormat,
  SimDataBarConditionalFormat,
  SimDataValidation,
  SimTextConditionalFormat,
} from './rangeRules';
import type {
  SimFilter,
  SimTable,
  SimTableCollection,
  SimTableColumn,
  SimTableColumnCollection,
  SimTableRowCollection,
  SimTableRow,
} from './table';
import type {
  SimCustomXmlPart,
  SimCustomXmlPartCollection,
  SimCustomXmlPartScopedCollection,
} from './customXml';
import type {
  SimRequestContext,
  SimSetting,
  SimSettingCollection,
  SimWorkbook,
  SimWorkbookProtection,
} from './workbook';
import type {
  SimPageLayout,
  SimHeaderFooterGroup,
  SimHeaderFooter,
  SimPageBreakCollection,
  SimWorksheet,
  SimWorksheetCollection,
  SimWorksheetFreezePanes,
  SimWorksheetProtection,
} from './worksheet';

type Plumbing = typeof INTERNAL | `_${string}`;
type Extra<S, R> = Exclude<keyof S, keyof R | Plumbing>;
type IsAny<T> = 0 extends 1 & T ? true : false;
/** Data properties only: methods are checked by name, navigation objects and item lists by their own pair. */
type DataMismatch<S, R> = {
  [K in keyof S & keyof R]: IsAny<S[K]> extends true
    ? never
    : S[K] extends (...args: never[]) => unknown
      ? never
      : R[K] extends (...args: never[]) => unknown
        ? K
        : R[K] extends object[]
          ? never
          : R[K] extends object
            ? R[K] extends unknown[]
              ? S[K] extends R[K]
                ? never
                : K
              : never
            : S[K] extends R[K]
              ? never
              : K;
}[keyof S & keyof R];

/** true when S offers only members of R, with compatible data types; otherwise names the culprits. */
export type Conforms<S, R> = [Extra<S, R>] extends [never]
  ? [DataMismatch<S, R>] extends [never]
    ? true
    : { typeDiffers: DataMismatch<S, R> }
  : { notInOfficeJs: Extra<S, R> };

export const CONFORMANCE: [
  Conforms<SimRange, Excel.Range>,
  Conforms<SimRangeView, Excel.RangeView>,
  Conforms<SimRangeFormat, Excel.RangeFormat>,
  Conforms<SimRangeFill, Excel.RangeFill>,
  Conforms<SimRangeFont, Excel.RangeFont>,
  Conforms<SimRangeBorderCollection, Excel.RangeBorderCollection>,
  Conforms<SimRangeBorder, Excel.RangeBorder>,
  Conforms<SimFormatProtection, Excel.FormatProtection>,
  Conforms<SimDataValidation, Excel.DataValidation>,
  Conforms<SimConditionalFormatCollection, Excel.ConditionalFormatCollection>,
  Conforms<SimConditionalFormat, Excel.ConditionalFormat>,
  Conforms<SimTextConditionalFormat, Excel.TextConditionalFormat>,
  Conforms<SimCellValueConditionalFormat, Excel.CellValueConditionalFormat>,
  Conforms<SimCustomConditionalFormat, Excel.CustomConditionalFormat>,
  Conforms<SimConditionalFormatRule, Excel.ConditionalFormatRule>,
  Conforms<SimConditionalRangeFormat, Excel.ConditionalRangeFormat>,
  Conforms<SimConditionalRangeFill, Excel.ConditionalRangeFill>,
  Conforms<SimConditionalRangeFont, Excel.ConditionalRangeFont>,
  Conforms<SimDataBarConditionalFormat, Excel.DataBarConditionalFormat>,
  Conforms<SimConditionalDataBarPositiveFormat, Excel.ConditionalDataBarPositiveFormat>,
  Conforms<SimWorksheet, Excel.Worksheet>,
  Conforms<SimWorksheetCollection, Excel.WorksheetCollection>,
  Conforms<SimWorksheetProtection, Excel.WorksheetProtection>,
  // WorksheetFreezePanes has no properties, so office-js gives it no load(); ours inherits one.
  Conforms<Omit<SimWorksheetFreezePanes, 'load'>, Excel.WorksheetFreezePanes>,
  Conforms<SimPageLayout, Excel.PageLayout>,
  Conforms<SimHeaderFooterGroup, Excel.HeaderFooterGroup>,
  Conforms<SimHeaderFooter, Excel.HeaderFooter>,
  Conforms<SimPageBreakCollection, Excel.PageBreakCollection>,
  Conforms<SimTable, Excel.Table>,
  Conforms<SimTableCollection, Excel.TableCollection>,
  Conforms<SimTableColumnCollection, Excel.TableColumnCollection>,
  Conforms<SimTableColumn, Excel.TableColumn>,
  Conforms<SimFilter, Excel.Filter>,
  Conforms<SimTableRowCollection, Excel.TableRowCollection>,
  Conforms<SimTableRow, Excel.TableRow>,
  Conforms<SimCharts, Excel.ChartCollection>,
  Conforms<SimChart, Excel.Chart>,
  Conforms<SimChartTitle, Excel.ChartTitle>,
  Conforms<SimChartLegend, Excel.ChartLegend>,
  Conforms<SimChartAxes, Excel.ChartAxes>,
  Conforms<SimChartAxis, Excel.ChartAxis>,
  Conforms<SimSetting, Excel.Setting>,
  Conforms<SimSettingCollection, Excel.SettingCollection>,
  Conforms<SimNamedItem, Excel.NamedItem>,
  Conforms<SimFunctions, Excel.Functions>,
  Conforms<SimFunctionResult, Excel.FunctionResult<number>>,
  Conforms<SimNamedItemCollection, Excel.NamedItemCollection>,
  Conforms<SimWorkbook, Excel.Workbook>,
  Conforms<SimCustomXmlPartCollection, Excel.CustomXmlPartCollection>,
  Conforms<SimCustomXmlPartScopedCollection, Excel.CustomXmlPartScopedCollection>,
  Conforms<SimCustomXmlPart, Excel.CustomXmlPart>,
  Conforms<SimWorkbookProtection, Excel.WorkbookProtection>,
  Conforms<SimRequestContext, Excel.RequestContext>,
  Conforms<SimEventHandlers, OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>>,
  Conforms<SimEventHandlerResult, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>>,
  Conforms<SimClientResult<number>, OfficeExtension.ClientResult<number>>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
