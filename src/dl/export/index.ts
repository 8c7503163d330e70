// Public surface of dl/export: standalone scorers (an ES module, a plain-Java POJO) written from a
// trained model. Neither needs h2o-ts at scoring time.

export { pojoSource, renderPojo } from './java-pojo.ts';
export { jsModuleSource, renderJsModule } from './js-module.ts';
export { type ExportLayer, type ScoringSpec, safeIdentifier, scoringSpec } from './scoring-spec.ts';
export { EXPORT_FORMATS, exportModel } from './write-export.ts';
