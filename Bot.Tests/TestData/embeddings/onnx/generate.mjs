// Writes two tiny BERT-shaped ONNX models for the OnnxSentenceEmbeddingGenerator tests, with no dependencies
// (protobuf encoded by hand, field numbers from onnx/onnx.proto): run `node generate.mjs` in this folder.
//   tiny-bert/           input_ids, attention_mask, token_type_ids -> last_hidden_state = E[input_ids] + T[token_type_ids]
//   tiny-bert-no-types/  input_ids, attention_mask -> last_hidden_state = E[input_ids]
// attention_mask is declared but unused, as the pooling (not the model) must apply it. Each has the same vocab.txt.
// The tests (Bot.Tests/Embeddings/OnnxSentenceEmbeddingGeneratorTests.cs) hold a copy of VOCAB and E.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'reset', 'my', 'password', 'forgot', 'login',
  'refund', 'invoice', '##s', 'the', 'a'];
const DIM = 4;
// [PAD] is huge on purpose: a pooling that forgets the attention mask is off by far.
export const E = [
  [100, -100, 100, -100], [0, 0, 0, 0.5], [0.1, 0, 0, 0], [0, 0.1, 0, 0], [0, 0, 0, 0],
  [1, 0, 0, 0], [0, 0, 0.2, 0], [0.8, 0.6, 0, 0], [0.9, 0.1, 0, 0], [0.7, 0.7, 0, 0],
  [0, 0, 1, 0], [0, 0, 0.8, 0.6], [0, 0, 0, 0.1], [0.05, 0.05, 0.05, 0.05], [0.02, 0.02, 0.02, 0.02],
];
// Segment 0 adds nothing, segment 1 would add a lot: the generator must send zeros.
const T = [[0, 0, 0, 0], [50, 50, 50, 50]];

// --- protobuf encoding -------------------------------------------------------------------------------------
const varint = (value) => {
  let v = BigInt(value);
  const out = [];
  if (v < 0n) v += 1n << 64n;
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return Buffer.from(out);
};
const key = (field, wire) => varint((field << 3) | wire);
const int = (field, value) => Buffer.concat([key(field, 0), varint(value)]);
const bytes = (field, buffer) => Buffer.concat([key(field, 2), varint(buffer.length), buffer]);
const str = (field, text) => bytes(field, Buffer.from(text, 'utf8'));
const msg = (field, ...parts) => bytes(field, Buffer.concat(parts));

const FLOAT = 1;
const INT64 = 7;
// TensorShapeProto.Dimension: dim_value = 1, dim_param = 2
const dim = (d) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d));
// ValueInfoProto { name = 1, type = 2 { tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 } } } }
const valueInfo = (field, name, elemType, dims) =>
  msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...dims.map(dim)))));
// TensorProto { dims = 1, data_type = 2, name = 8, raw_data = 9 }
const floatTensor = (name, rows) => {
  const flat = rows.flat();
  const raw = Buffer.alloc(flat.length * 4);
  flat.forEach((v, i) => raw.writeFloatLE(v, i * 4));
  return msg(5, int(1, rows.length), int(1, rows[0].length), int(2, FLOAT), str(8, name), bytes(9, raw));
};
// NodeProto { input = 1, output = 2, name = 3, op_type = 4 }
const node = (op, inputs, outputs, name) =>
  msg(1, ...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, name), str(4, op));

const model = (withTypes) => {
  const tokens = ['batch', 'sequence'];
  const nodes = withTypes
    ? [node('Gather', ['word_embeddings', 'input_ids'], ['words'], 'word_lookup'),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types'], 'type_lookup'),
      node('Add', ['words', 'types'], ['last_hidden_state'], 'sum')]
    : [node('Gather', ['word_embeddings', 'input_ids'], ['last_hidden_state'], 'word_lookup')];
  const graph = Buffer.concat([
    ...nodes,
    str(2, withTypes ? 'tiny_bert' : 'tiny_bert_no_types'),
    floatTensor('word_embeddings', E),
    ...(withTypes ? [floatTensor('token_type_embeddings', T)] : []),
    valueInfo(11, 'input_ids', INT64, tokens),
    valueInfo(11, 'attention_mask', INT64, tokens),
    ...(withTypes ? [valueInfo(11, 'token_type_ids', INT64, tokens)] : []),
    valueInfo(12, 'last_hidden_state', FLOAT, [...tokens, DIM]),
  ]);
  // ModelProto { ir_version = 1, producer_name = 2, graph = 7, opset_import = 8 { domain = 1, version = 2 } }
  return Buffer.concat([int(1, 8), str(2, 'Bot.Tests generate.mjs'), bytes(7, graph), msg(8, str(1, ''), int(2, 17))]);
};

for (const [folder, withTypes] of [['tiny-bert', true], ['tiny-bert-no-types', false]]) {
  const out = join(here, folder);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'model.onnx'), model(withTypes));
  writeFileSync(join(out, 'vocab.txt'), VOCAB.join('\n') + '\n');
  console.log(`wrote ${folder}/model.onnx and vocab.txt`);
}
