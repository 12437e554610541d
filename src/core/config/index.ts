/** Chart-view configuration: schema, defaults, YAML load (precompiled validation) and dump. */
export { viewSchema, VIEW_DATA_FIELDS, type ChartView, type ViewsFile, type AxisScale, type ViewDataField } from './viewSchema';
export { DEFAULT_VIEWS } from './defaultViews';
export { loadViewsYaml, type ViewsFileError, type ViewsLoadResult } from './loadViewsYaml';
export { dumpViewsYaml } from './dumpViewsYaml';
