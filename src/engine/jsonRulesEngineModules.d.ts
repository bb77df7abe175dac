// json-rules-engine's own modules, imported one by one by operatorMap.ts (the package has no
// `exports` map, so they are reachable; its typings cover only the main entry).
declare module 'json-rules-engine/dist/operator-map.js' {
  const OperatorMap: unknown;
  export default OperatorMap;
}
declare module 'json-rules-engine/dist/engine-default-operators.js' {
  const operators: unknown;
  export default operators;
}
declare module 'json-rules-engine/dist/engine-default-operator-decorators.js' {
  const decorators: unknown;
  export default decorators;
}
