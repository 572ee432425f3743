// Validates Kubernetes manifests (files, or '-' for standard input) against the API schemas that
// kubernetes-models bundles: every document must be a known apiVersion/kind and match its schema.
// Offline: no cluster and no schema download. Exits 1 with one line per problem.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const modules = {};
async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
  try {
    modules[path] ??= await import(path);
  } catch {
    return null;
  }
  return modules[path][kind] ?? null;
}

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error("usage: node validate.mjs FILE... (or - for standard input)");
  process.exit(2);
}
let problems = 0;
let checked = 0;
for (const input of inputs) {
  const text = readFileSync(input === "-" ? 0 : input, "utf8");
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      console.error(`${input}: not YAML: ${doc.errors[0].message}`);
      problems++;
      continue;
    }
    const obj = doc.toJSON();
    if (obj == null) continue;
    const where = `${input}: ${obj.kind ?? "?"} ${obj.metadata?.name ?? "?"}`;
    const Model = obj.apiVersion && obj.kind ? await modelOf(obj.apiVersion, obj.kind) : null;
    if (Model == null) {
      console.error(`${where}: unknown apiVersion/kind ${obj.apiVersion}/${obj.kind}`);
      problems++;
      continue;
    }
    try {
      new Model(obj).validate();
      checked++;
    } catch (e) {
      console.error(`${where}: ${e.message.split("\n").slice(0, 3).join("; ")}`);
      problems++;
    }
  }
}
console.log(`${checked} manifests valid, ${problems} problems`);
process.exit(problems > 0 || checked === 0 ? 1 : 0);
