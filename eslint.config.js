// npm run lint: typescript-eslint's type-checked rules over the sources, scripts and tests, and the layering rules:
// the directory (the domain) is free of HTTP and of wire formats; contracts/ and scim/ are free of http/.
import eslint from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "generated/", "node_modules/", "test/sdk-check/client/", "tmp/", "bench-results/"] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/directory/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/http/**", "**/wire/**", "**/contracts/**", "**/scim/**"],
              message: "The directory knows no HTTP and no wire format: raise a domain error instead.",
            },
            { group: ["express", "express-*"], message: "The directory knows no HTTP." },
          ],
        },
      ],
    },
  },
  {
    // The contracts and SCIM's protocol pieces sit beside src/http/, not above it: what they share with it (errors,
    // ETags, the handler type) is in src/wire/.
    files: ["src/contracts/**/*.ts", "src/scim/**/*.ts", "src/wire/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/http/**"],
              message: "src/http/ is the pipeline that calls this code: import what you share from src/wire/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read untyped JSON answers on purpose, and hand the typed client bodies that break its types.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    // Tests swap a method for a moment and put it back, and read methods off records on purpose.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/unbound-method": "off" },
  },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
