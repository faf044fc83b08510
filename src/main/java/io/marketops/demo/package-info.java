/**
 * Owns the deterministic demo/benchmark data generator; offers DemoGenerator, GeneratorSpec,
 * Manifest, GenerateCommand. Uses: warehouse.
 */
package io.marketops.demo;
