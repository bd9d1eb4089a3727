// The openai npm package — a client nobody on this project wrote — against a running Switchyard.
// Run by the .NET test suite with SWITCHYARD_URL and SWITCHYARD_KEY set; also runnable by hand:
//   SWITCHYARD_URL=http://localhost:8080 SWITCHYARD_KEY=sk-switchyard-demo node --test tests/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const baseURL = `${process.env.SWITCHYARD_URL}/v1`;
const client = new OpenAI({ baseURL, apiKey: process.env.SWITCHYARD_KEY, maxRetries: 0 });
const unique = () => `${Date.now()}-${Math.random()}`;

test('a plain completion answers with routing headers', async () => {
  const { data, response } = await client.chat.completions
    .create({ model: 'auto', messages: [{ role: 'user', content: `Hello from node ${unique()}` }] })
    .withResponse();

  assert.equal(data.object, 'chat.completion');
  assert.ok(data.choices[0].message.content.length > 0);
  assert.ok(data.usage.total_tokens > 0);
  assert.equal(response.headers.get('x-switchyard-cache'), 'miss');
  assert.ok(Number(response.headers.get('x-switchyard-cost-usd')) > 0);
});

test('a streamed completion yields the same text as a plain one, then usage', async () => {
  const prompt = `Stream from node ${unique()}`;
  const stream = await client.chat.completions.create({
    model: 'sim-mid',
    messages: [{ role: 'user', content: prompt }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let usage = null;
  let finish = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    finish ??= chunk.choices[0]?.finish_reason ?? null;
    usage ??= chunk.usage ?? null;
  }

  // Asked again without streaming, the same answer comes (from the cache).
  const whole = await client.chat.completions.create({ model: 'sim-mid', messages: [{ role: 'user', content: prompt }] });
  assert.equal(text, whole.choices[0].message.content);
  assert.equal(finish, 'stop');
  assert.ok(usage.completion_tokens > 0);
});

test('a bad key surfaces as the client library\'s own AuthenticationError', async () => {
  const stranger = new OpenAI({ baseURL, apiKey: 'sk-nobody', maxRetries: 0 });
  await assert.rejects(
    stranger.chat.completions.create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }] }),
    (error) => error instanceof OpenAI.AuthenticationError && error.status === 401,
  );
});

test('malformed input surfaces as a BadRequestError naming the field', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'auto', messages: [] }),
    (error) => error instanceof OpenAI.BadRequestError && error.param === 'messages',
  );
});
