// Charts, as far as the summary sheets need: add, title, position, legend, delete.
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
import { SimCollection } from './collection';
import { SimClientObject, type SimContext } from './core';
import { SimError } from './errors';
import type { ChartModel } from './model';
import type { SimRange } from './range';
import type { SimWorksheet } from './worksheet';

const CHART_TYPES = [
  'ColumnClustered',
  'ColumnStacked',
  'BarClustered',
  'BarStacked',
  'Pie',
  'Line',
  'Doughnut',
];

export class SimCharts extends SimCollection<SimChart> {
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(ctx);
  }
  protected currentItems(): SimChart[] {
    return this.sheet._model().charts.map((c) => new SimChart(this.context, this.sheet, () => c));
  }
  add(
    type: Excel.ChartType | `${Excel.ChartType}`,
    sourceData: SimRange,
    seriesBy: Excel.ChartSeriesBy | `${Excel.ChartSeriesBy}` = 'Auto',
  ): SimChart {
    this.sameContext(sourceData);
    const holder: { chart: ChartModel | null } = { chart: null };
    this.call('add', { type, seriesBy }, () => {
      if (!CHART_TYPES.includes(type))
        throw new SimError('InvalidArgument', `The simulator does not know chart type ${type}.`);
      const { sheet, rect } = sourceData._target();
      if (sheet !== this.sheet._model())
        throw new SimError('InvalidArgument', 'The chart data must be on the same sheet.');
      const model = this.sheet._model();
      holder.chart = {
        id: this.context.state.id('chart'),
        name: `图表 ${model.charts.length + 1}`,
        type,
        source: rect,
        seriesBy,
        title: '',
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        legendPosition: 'Right',
      };
      model.charts.push(holder.chart);
      this.context.state.notify();
    });
    return new SimChart(this.context, this.sheet, () => holder.chart);
  }
}

export class SimChart extends SimClientObject {
  private readonly titleObject: SimChartTitle;
  private readonly legendObject: SimChartLegend;
  private readonly axesObject: SimChartAxes;
  constructor(
    ctx: SimContext,
    private readonly sheet: SimWorksheet,
    private readonly chart: () => ChartModel | null,
  ) {
    super(ctx);
    this.titleObject = new SimChartTitle(ctx, chart);
    this.legendObject = new SimChartLegend(ctx, chart);
    this.axesObject = new SimChartAxes(ctx, chart);
  }
  private model(): ChartModel {
    const c = this.chart();
    if (!c) throw new SimError('ItemNotFound', 'The chart does not exist.');
    return c;
  }
  protected exists(): boolean {
    return this.chart() !== null && this.sheet._model().charts.includes(this.chart() as ChartModel);
  }
  protected scalars(): Record<string, () => unknown> {
    return {
      name: () => this.model().name,
      id: () => this.model().id,
      chartType: () => this.model().type,
      top: () => this.model().top,
      left: () => this.model().left,
      width: () => this.model().width,
      height: () => this.model().height,
    };
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { title: this.titleObject, legend: this.legendObject, axes: this.axesObject };
  }
  get axes(): SimChartAxes {
    return this.axesObject;
  }
  get title(): SimChartTitle {
    return this.titleObject;
  }
  get legend(): SimChartLegend {
    return this.legendObject;
  }
  get name(): string {
    return this.read('name') as string;
  }
  set name(v: string) {
    this.write('name', v, () => (this.model().name = v));
  }
  get id(): string {
    return this.read('id') as string;
  }
  get chartType(): Excel.Chart['chartType'] {
    return this.read('chartType') as Excel.Chart['chartType'];
  }
  get top(): number {
    return this.read('top') as number;
  }
  set top(v: number) {
    this.write('top', v, () => (this.model().top = v));
  }
  get left(): number {
    return this.read('left') as number;
  }
  set left(v: number) {
    this.write('left', v, () => (this.model().left = v));
  }
  get width(): number {
    return this.read('width') as number;
  }
  set width(v: number) {
    this.write('width', v, () => (this.model().width = v));
  }
  get height(): number {
    return this.read('height') as number;
  }
  set height(v: number) {
    this.write('height', v, () => (this.model().height = v));
  }
  /** Puts the chart over the cells from startCell to endCell, using the sheet's sizes. */
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    const start = typeof startCell === 'string' ? this.sheet.getRange(startCell) : startCell;
    const end =
      endCell === undefined
        ? undefined
        : typeof endCell === 'string'
          ? this.sheet.getRange(endCell)
          : endCell;
    this.call('setPosition', null, () => {
      const model = this.sheet._model();
      const a = start._target().rect;
      const offset = (row: number, column: number) => {
        let top = 0;
        let left = 0;
        for (let r = 0; r < row; r++) top += model.rowHeights.get(r) ?? 15;
        for (let c = 0; c < column; c++) left += model.columnWidths.get(c) ?? 48;
        return { top, left };
      };
      const p = offset(a.row, a.column);
      this.model().top = p.top;
      this.model().left = p.left;
      if (end) {
        const b = end._target().rect;
        const q = offset(b.row + b.rowCount, b.column + b.columnCount);
        this.model().width = Math.max(q.left - p.left, 10);
        this.model().height = Math.max(q.top - p.top, 10);
      }
      this.context.state.notify();
    });
  }
  delete(): void {
    this.call('delete', null, () => {
      const model = this.sheet._model();
      model.charts = model.charts.filter((c) => c !== this.chart());
      this.context.state.notify();
    });
  }
}

export class SimChartTitle extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly chart: () => ChartModel | null,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.chart() !== null;
  }
  protected scalars(): Record<string, () => unknown> {
    return { text: () => this.chart()?.title };
  }
  get text(): string {
    return this.read('text') as string;
  }
  set text(v: string) {
    this.write('text', v, () => ((this.chart() as ChartModel).title = v));
  }
}

export class SimChartLegend extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly chart: () => ChartModel | null,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.chart() !== null;
  }
  protected scalars(): Record<string, () => unknown> {
    return { position: () => this.chart()?.legendPosition };
  }
  get position(): Excel.ChartLegend['position'] {
    return this.read('position') as Excel.ChartLegend['position'];
  }
  set position(v: Excel.ChartLegend['position']) {
    this.write('position', v, () => ((this.chart() as ChartModel).legendPosition = String(v)));
  }
}

/** Chart.axes (ExcelApi 1.1); only the category axis's plot order is modelled. */
export class SimChartAxes extends SimClientObject {
  private readonly categoryObject: SimChartAxis;
  constructor(
    ctx: SimContext,
    private readonly chart: () => ChartModel | null,
  ) {
    super(ctx);
    this.categoryObject = new SimChartAxis(ctx, chart);
  }
  protected exists(): boolean {
    return this.chart() !== null;
  }
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected override navigation(): Record<string, SimClientObject> {
    return { categoryAxis: this.categoryObject };
  }
  get categoryAxis(): SimChartAxis {
    return this.categoryObject;
  }
}

/** ChartAxis.reversePlotOrder (ExcelApi 1.7): a bar chart draws its first category at the bottom unless reversed. */
export class SimChartAxis extends SimClientObject {
  constructor(
    ctx: SimContext,
    private readonly chart: () => ChartModel | null,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return this.chart() !== null;
  }
  protected scalars(): Record<string, () => unknown> {
    return { reversePlotOrder: () => this.chart()?.reversePlotOrder ?? false };
  }
  get reversePlotOrder(): boolean {
    return this.read('reversePlotOrder') as boolean;
  }
  set reversePlotOrder(v: boolean) {
    this.write('reversePlotOrder', v, () => ((this.chart() as ChartModel).reversePlotOrder = v));
  }
}
