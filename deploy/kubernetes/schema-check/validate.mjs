// Validates Kubernetes objects against the JSON schemas of the API server's OpenAPI (kubernetes-models) and of the
// operators' CRDs (Strimzi, Prometheus operator, CloudNativePG):  node validate.mjs OBJECTS.json
// OBJECTS.json is a JSON array of objects (SchemaValidationTest writes the rendered overlays that way). Prints one
// line per object, "valid <id>" or "invalid <id>: <why>", and exits 1 if any object is invalid or has no schema.
import { readFileSync } from "node:fs";

// API group -> the package holding its models; the core group ("v1") and the built-in groups are kubernetes-models.
const CUSTOM_GROUPS = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
};

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = CUSTOM_GROUPS[group] ?? "kubernetes-models";
  const module = await import(`${pkg}/${apiVersion}`);
  return module[kind];
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
let failed = 0;
for (const object of objects) {
  const id = `${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
  let Model;
  try {
    Model = await modelOf(object.apiVersion, object.kind);
  } catch (e) {
    Model = undefined;
  }
  if (typeof Model !== "function") {
    console.log(`invalid ${id}: no schema for this apiVersion and kind`);
    failed++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`valid ${id}`);
  } catch (e) {
    console.log(`invalid ${id}: ${String(e.message ?? e).replace(/\s+/g, " ")}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
