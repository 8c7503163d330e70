// Writes a model as one dependency-free Java class (H2O's "model export in plain Java code"): the
// weights as Base64 string chunks (a big array literal would overflow the JVM's 64 KB method limit),
// H2O's `score0(double[] data, double[] preds)` and a `main` that scores CSV on stdin.
import type { DeepLearningModel } from '../deep-learning-model.ts';
import { type ScoringSpec, safeIdentifier, scoringSpec } from './scoring-spec.ts';

/** Java string constants hold at most 65535 UTF-8 bytes; Base64 is ASCII, so this leaves a margin. */
const CHUNK = 60000;

/** The Java source of `model`; the class is named after the model id unless `className` is given. */
export function pojoSource(
  model: DeepLearningModel,
  className?: string,
): { className: string; source: string } {
  const spec = scoringSpec(model);
  const name = className ?? safeIdentifier(spec.modelId);
  return { className: name, source: renderPojo(spec, name) };
}

function javaString(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
function javaStrings(a: readonly string[]): string {
  return `{${a.map(javaString).join(', ')}}`;
}
function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'Double.NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Double.POSITIVE_INFINITY';
  if (x === Number.NEGATIVE_INFINITY) return 'Double.NEGATIVE_INFINITY';
  return `${String(x)}${Number.isInteger(x) && !String(x).includes('e') ? '.0' : ''}`;
}
function javaDoubles(a: readonly number[] | null): string {
  return a === null ? 'null' : `new double[] {${a.map(javaDouble).join(', ')}}`;
}
/** Little-endian bytes of a typed array as Base64 chunks, rendered as a Java String[] literal. */
function base64Chunks(a: Float32Array | Float64Array): string {
  const b64 = Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const parts: string[] = [];
  for (let i = 0; i < b64.length; i += CHUNK) parts.push(b64.slice(i, i + CHUNK));
  return `new String[] {${parts.map((p) => `"${p}"`).join(',\n      ')}}`;
}

/** Renders a {@link ScoringSpec} as the Java class `className`. */
export function renderPojo(spec: ScoringSpec, className: string): string {
  const L = spec.layers;
  const columns = [...spec.catNames, ...spec.numNames];
  return `// Standalone scorer for H2O Deep Learning model ${spec.modelId} (${spec.category}), written by h2o-ts.
// Plain Java (8+), no dependencies. score0(data, preds) follows H2O's POJO convention: data holds the
// predictor columns in NAMES order (categoricals as the index of their level in DOMAINS, NaN for
// missing); preds receives [label, p_0..p_K-1] for classifiers, [prediction] for regression, the
// reconstruction for autoencoders. main() reads CSV with a header on stdin (a first line naming no
// predictor is taken as data, columns C1..Cn as h2o-ts names a headerless file), writes CSV.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class ${className} {
  public static final String MODEL_ID = ${javaString(spec.modelId)};
  public static final String CATEGORY = ${javaString(spec.category)};
  /** Predictor columns in input order: categoricals first, then numerics. */
  public static final String[] NAMES = ${javaStrings(columns)};
  public static final String[][] DOMAINS = {${spec.catDomains.map(javaStrings).join(', ')}};
  public static final String[] OUTPUT_NAMES = ${javaStrings(spec.outputNames)};
  static final int N_CATS = ${spec.catNames.length};
  static final int[] CAT_OFFSETS = {${spec.catOffsets.join(', ')}};
  static final boolean USE_ALL_FACTOR_LEVELS = ${spec.useAllFactorLevels};
  static final double[] NUM_SUB = ${javaDoubles(spec.numSub)};
  static final double[] NUM_MUL = ${javaDoubles(spec.numMul)};
  static final double RESP_SUB = ${javaDouble(spec.respSub)};
  static final double RESP_MUL = ${javaDouble(spec.respMul)};
  static final boolean LOG_LINK = ${spec.logLink};
  static final String ACTIVATION = ${javaString(spec.activation)};
  static final String OUTPUT = ${javaString(spec.output)};
  static final double DEFAULT_THRESHOLD = ${javaDouble(spec.defaultThreshold)};
  static final double[] PRIOR = ${javaDoubles(spec.priorDistribution)};
  static final double[] SAMPLED = ${javaDoubles(spec.modelDistribution)};
  static final int[] N_IN = {${L.map((l) => l.nIn).join(', ')}};
  static final int[] N_OUT = {${L.map((l) => l.nOut).join(', ')}};
  static final int[] CHANNELS = {${L.map((l) => l.channels).join(', ')}};
  /** Test-time output scaling per layer: 1 - hidden_dropout_ratio. */
  static final double[] SCALE = ${javaDoubles(L.map((l) => l.scale))};
  static final float[][] W = new float[${L.length}][];
  static final double[][] B = new double[${L.length}][];

  static {
${L.map((l, i) => `    W[${i}] = floats(${base64Chunks(l.weights)});\n    B[${i}] = doubles(${base64Chunks(l.biases)});`).join('\n')}
  }

  private static ByteBuffer bytes(String[] chunks) {
    StringBuilder sb = new StringBuilder();
    for (String c : chunks) sb.append(c);
    return ByteBuffer.wrap(Base64.getDecoder().decode(sb.toString())).order(ByteOrder.LITTLE_ENDIAN);
  }
  private static float[] floats(String[] chunks) {
    ByteBuffer b = bytes(chunks);
    float[] a = new float[b.remaining() / 4];
    b.asFloatBuffer().get(a);
    return a;
  }
  private static double[] doubles(String[] chunks) {
    ByteBuffer b = bytes(chunks);
    double[] a = new double[b.remaining() / 8];
    b.asDoubleBuffer().get(a);
    return a;
  }

  /** Number of values score0 writes into preds. */
  public static int nPreds() {
    return OUTPUT.equals("softmax") ? 1 + N_OUT[N_OUT.length - 1] : N_OUT[N_OUT.length - 1];
  }

  /** The expanded, transformed input row, rounded to float as the engine stores it. */
  static double[] expand(double[] data) {
    int start = CAT_OFFSETS[N_CATS];
    double[] x = new double[start + NUM_SUB.length];
    int shift = USE_ALL_FACTOR_LEVELS ? 0 : 1;
    for (int c = 0; c < N_CATS; c++) {
      int width = CAT_OFFSETS[c + 1] - CAT_OFFSETS[c];
      double v = data[c];
      int code = Double.isNaN(v) || v < 0 || v >= DOMAINS[c].length || v != Math.floor(v) ? -1 : (int) v;
      int slot = width - 1; // NA and unseen levels use the last slot of the block
      if (code >= 0) {
        if (code - shift < 0) continue; // the reference level has no slot
        slot = Math.min(code - shift, width - 1);
      }
      x[CAT_OFFSETS[c] + slot] = 1;
    }
    for (int k = 0; k < NUM_SUB.length; k++) {
      double v = data[N_CATS + k];
      x[start + k] = Double.isNaN(v) ? 0 : (double) (float) ((v - NUM_SUB[k]) * NUM_MUL[k]);
    }
    return x;
  }

  static void activate(double[] a) {
    for (int i = 0; i < a.length; i++) {
      if (ACTIVATION.equals("Tanh")) a[i] = 1 - 2 / (1 + Math.exp(2 * a[i]));
      else if (ACTIVATION.equals("Rectifier")) a[i] = Math.max(a[i], 0);
      else if (ACTIVATION.equals("ExpRectifier") && a[i] < 0) a[i] = Math.exp(a[i]) - 1;
    }
  }

  static double[] layer(int l, double[] x) {
    int nIn = N_IN[l];
    float[] w = W[l];
    double[] b = B[l];
    double[] out = new double[N_OUT[l]];
    for (int o = 0; o < out.length; o++) {
      if (CHANNELS[l] == 2) {
        double s0 = 0, s1 = 0;
        int base = 2 * o * nIn;
        for (int i = 0; i < nIn; i++) {
          s0 += w[base + 2 * i] * x[i];
          s1 += w[base + 2 * i + 1] * x[i];
        }
        s0 += b[2 * o];
        s1 += b[2 * o + 1];
        out[o] = s1 > s0 ? s1 : s0;
        continue;
      }
      // Four partial sums combined as the engine's unrolled kernel does, for identical rounding.
      int base = o * nIn;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      int i = 0;
      for (; i + 3 < nIn; i += 4) {
        s0 += w[base + i] * x[i];
        s1 += w[base + i + 1] * x[i + 1];
        s2 += w[base + i + 2] * x[i + 2];
        s3 += w[base + i + 3] * x[i + 3];
      }
      for (; i < nIn; i++) s0 += w[base + i] * x[i];
      out[o] = s0 + s1 + (s2 + s3) + b[o];
    }
    return out;
  }

  /** H2O's POJO entry point; see the header for the layout of data and preds. Returns preds. */
  public static double[] score0(double[] data, double[] preds) {
    double[] a = expand(data);
    int last = N_OUT.length - 1;
    for (int l = 0; l <= last; l++) {
      double[] out = layer(l, a);
      if (l < last || OUTPUT.equals("autoencoder")) activate(out);
      else if (OUTPUT.equals("softmax")) {
        double max = out[0];
        for (int i = 1; i < out.length; i++) if (out[i] > max) max = out[i];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
          out[i] = Math.exp(out[i] - max);
          sum += out[i];
        }
        double inv = 1 / sum;
        for (int i = 0; i < out.length; i++) out[i] *= inv;
      }
      if (l < last && SCALE[l] != 1) for (int i = 0; i < out.length; i++) out[i] *= SCALE[l];
      a = out;
    }
    if (OUTPUT.equals("linear")) {
      double y = a[0] / RESP_MUL + RESP_SUB;
      preds[0] = LOG_LINK ? Math.min(1e19, Math.exp(y)) : y;
      return preds;
    }
    if (OUTPUT.equals("autoencoder")) {
      int start = CAT_OFFSETS[N_CATS];
      for (int j = 0; j < a.length; j++) {
        int k = j - start;
        preds[j] = k >= 0 ? a[j] / NUM_MUL[k] + NUM_SUB[k] : a[j];
      }
      return preds;
    }
    int nc = a.length;
    if (PRIOR != null && SAMPLED != null) {
      double sum = 0;
      for (int c = 0; c < nc; c++) {
        a[c] = SAMPLED[c] > 0 ? a[c] * PRIOR[c] / SAMPLED[c] : 0;
        sum += a[c];
      }
      if (sum > 0) for (int c = 0; c < nc; c++) a[c] /= sum;
    }
    int label = 0;
    if (nc == 2) label = a[1] >= DEFAULT_THRESHOLD ? 1 : 0;
    else for (int c = 1; c < nc; c++) if (a[c] > a[label]) label = c;
    preds[0] = label;
    for (int c = 0; c < nc; c++) preds[c + 1] = a[c];
    return preds;
  }

  /** Splits one CSV line (double quotes, doubled quotes inside). */
  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
        else if (ch == '"') quoted = false;
        else cur.append(ch);
      } else if (ch == '"') quoted = true;
      else if (ch == ',') { out.add(cur.toString()); cur.setLength(0); }
      else cur.append(ch);
    }
    out.add(cur.toString());
    return out;
  }

  static String quote(String s) {
    return "\\"" + s.replace("\\"", "\\"\\"") + "\\"";
  }

  /** Reads CSV rows with a header on stdin (predictor columns; others ignored), writes CSV predictions. */
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    String header = in.readLine();
    if (header == null) return;
    List<String> cols = splitCsv(header);
    int[] at = new int[NAMES.length];
    boolean any = false;
    for (int j = 0; j < NAMES.length; j++) {
      at[j] = cols.indexOf(NAMES[j]);
      any |= at[j] >= 0;
    }
    // No predictor named in the first line: a headerless file, whose columns h2o-ts names C1..Cn.
    String pending = null;
    if (!any) {
      pending = header;
      for (int j = 0; j < NAMES.length; j++) at[j] = NAMES[j].matches("C[1-9][0-9]*") ? Integer.parseInt(NAMES[j].substring(1)) - 1 : -1;
    }
    List<Map<String, Integer>> levels = new ArrayList<>();
    for (String[] d : DOMAINS) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < d.length; i++) m.put(d[i], i);
      levels.add(m);
    }
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < OUTPUT_NAMES.length; j++) sb.append(j > 0 ? "," : "").append(quote(OUTPUT_NAMES[j]));
    out.println(sb);
    double[] data = new double[NAMES.length];
    double[] preds = new double[nPreds()];
    String line;
    while ((line = pending != null ? pending : in.readLine()) != null) {
      pending = null;
      if (line.isEmpty()) continue;
      List<String> f = splitCsv(line);
      for (int j = 0; j < NAMES.length; j++) {
        String v = at[j] >= 0 && at[j] < f.size() ? f.get(at[j]).trim() : "";
        if (j < N_CATS) {
          Integer code = levels.get(j).get(v);
          data[j] = code == null ? Double.NaN : code;
        } else {
          double d;
          try { d = v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v); }
          catch (NumberFormatException e) { d = Double.NaN; }
          data[j] = d;
        }
      }
      score0(data, preds);
      sb.setLength(0);
      if (OUTPUT.equals("softmax")) {
        sb.append(quote(DOMAINS_RESPONSE[(int) preds[0]]));
        for (int c = 1; c < preds.length; c++) sb.append(',').append(preds[c]);
      } else {
        for (int j = 0; j < preds.length; j++) sb.append(j > 0 ? "," : "").append(preds[j]);
      }
      out.println(sb);
    }
    out.flush();
  }

  /** Class labels of the response (empty unless a classifier). */
  public static final String[] DOMAINS_RESPONSE = ${javaStrings(spec.responseDomain ?? [])};
}
`;
}
