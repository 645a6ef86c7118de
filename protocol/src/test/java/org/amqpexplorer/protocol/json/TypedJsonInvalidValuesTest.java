package org.amqpexplorer.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Invalid values, each with the error it must give: the JSON path, then the reason. In the table {@code '}
 * stands for {@code "} and {@code ⏎} for a line break; an expected message ending in {@code …} is a prefix
 * (the rest is the JSON parser's own wording).
 */
class TypedJsonInvalidValuesTest {

    static final String TABLE = """
            {'ubyte': 256}                               → $: ubyte out of range: 256
            {'ubyte': -1}                                → $: ubyte out of range: -1
            {'ushort': 65536}                            → $: ushort out of range: 65536
            {'ushort': -1}                               → $: ushort out of range: -1
            {'uint': 4294967296}                         → $: uint out of range: 4294967296
            {'uint': -1}                                 → $: uint out of range: -1
            {'ulong': -1}                                → $: ulong out of range: -1
            {'ulong': 18446744073709551616}              → $: ulong out of range: 18446744073709551616
            {'ulong': '18446744073709551616'}            → $: ulong out of range: '18446744073709551616'
            {'ulong': '-1'}                              → $: ulong out of range: '-1'
            {'byte': 128}                                → $: byte out of range: 128
            {'byte': -129}                               → $: byte out of range: -129
            {'short': 32768}                             → $: short out of range: 32768
            {'short': -32769}                            → $: short out of range: -32769
            {'int': 2147483648}                          → $: int out of range: 2147483648
            {'int': -2147483649}                         → $: int out of range: -2147483649
            {'long': 9223372036854775808}                → $: long out of range: 9223372036854775808
            {'long': '-9223372036854775809'}             → $: long out of range: '-9223372036854775809'
            {'long': '1000000000000000000000000'}        → $: long out of range: '1000000000000000000000000'
            {'timestamp': 9223372036854775808}           → $: timestamp out of range: 9223372036854775808
            {'float': 1e39}                              → $: float out of range: 1E+39
            {'double': -1e309}                           → $: double out of range: -1E+309
            9223372036854775808                          → $: long out of range: 9223372036854775808
            1e400                                        → $: double out of range: 1E+400
            {'double': 1e9999999999}                     → $.double: number exponent out of range: 1e9999999999
            {'ubyte': 1.5}                               → $: ubyte must be a JSON integer, found 1.5
            {'int': 1.0}                                 → $: int must be a JSON integer, found 1.0
            {'int': 1e2}                                 → $: int must be a JSON integer, found 1E+2
            {'int': '7'}                                 → $: int must be a JSON integer, found '7'
            {'uint': true}                               → $: uint must be a JSON integer, found true
            {'ulong': 1.5}                               → $: ulong must be a JSON integer or a decimal string, found 1.5
            {'long': '0x10'}                             → $: long must be a JSON integer or a decimal string, found '0x10'
            {'long': ' 7'}                               → $: long must be a JSON integer or a decimal string, found ' 7'
            {'float': 'nan'}                             → $: float must be a JSON number or 'NaN', 'Infinity', '-Infinity', found 'nan'
            {'double': '0.5'}                            → $: double must be a JSON number or 'NaN', 'Infinity', '-Infinity', found '0.5'
            {'double': null}                             → $: double must be a JSON number or 'NaN', 'Infinity', '-Infinity', found null
            {'decimal32': '0011223'}                     → $: decimal32 must be 8 lowercase hex digits, found '0011223'
            {'decimal64': '22380000000000010'}           → $: decimal64 must be 16 lowercase hex digits, found '22380000000000010'
            {'decimal64': '223800000000000A'}            → $: decimal64 must be 16 lowercase hex digits, found '223800000000000A'
            {'decimal128': 12}                           → $: decimal128 must be 32 lowercase hex digits, found 12
            {'char': 'ab'}                               → $: char must be a string of one Unicode code point, found 'ab'
            {'char': ''}                                 → $: char must be a string of one Unicode code point, found ''
            {'char': 65}                                 → $: char must be a string of one Unicode code point, found 65
            {'timestamp': 'yesterday'}                   → $: timestamp is not an ISO-8601 instant: 'yesterday'
            {'timestamp': '2023-11-14T22:13:20.0001Z'}   → $: timestamp is finer than a millisecond: '2023-11-14T22:13:20.0001Z'
            {'timestamp': 1.5}                           → $: timestamp must be a JSON integer or an ISO-8601 instant, found 1.5
            {'uuid': 'f81d4fae7dec11d0a76500a0c91e6bf6'} → $: uuid must be in the canonical 36-character form, found 'f81d4fae7dec11d0a76500a0c91e6bf6'
            {'uuid': '1-1-1-1-1'}                        → $: uuid must be in the canonical 36-character form, found '1-1-1-1-1'
            {'uuid': 'f81d4fae-7dec-11d0-a765-00a0c91e6bfg'} → $: uuid must be in the canonical 36-character form, found 'f81d4fae-7dec-11d0-a765-00a0c91e6bfg'
            {'binary': 'AAE'}                            → $: binary must be standard base64, found 'AAE'
            {'binary': 'AAF='}                           → $: binary must be standard base64, found 'AAF='
            {'binary': '-_8='}                           → $: binary must be standard base64, found '-_8='
            {'binary': 'AA E='}                          → $: binary must be standard base64, found 'AA E='
            {'string': 5}                                → $: string must be a JSON string, found 5
            {'symbol': 'é'}                              → $: symbol must be ASCII, found 'é'
            {'symbol': null}                             → $: symbol must be a JSON string, found null
            {'null': 0}                                  → $: null must be null, found 0
            {'boolean': 'true'}                          → $: boolean must be true or false, found 'true'
            {'list': {}}                                 → $: list must be a JSON array of values, found an empty object
            {'list': [{'int': 1}, 'a', {'ubyte': 300}]}  → $.list[2]: ubyte out of range: 300
            {'list': [[1]]}                              → $.list[0]: expected a typed value, found an array of 1
            {'map': {'k': 1}}                            → $: map must be a JSON array of [key, value] pairs, found an object
            {'map': [[{'int': 1}]]}                      → $.map[0]: a map entry is a [key, value] pair, found an array of 1
            {'map': [['a', 1], ['b', 2, 3]]}             → $.map[1]: a map entry is a [key, value] pair, found an array of 3
            {'map': [{'k': 1}]}                          → $.map[0]: a map entry is a [key, value] pair, found an object
            {'map': [['k', 1], ['k', 2]]}                → $.map[1]: duplicate map key: {'string':'k'}
            {'map': [[{'symbol': 'é'}, 1]]}              → $.map[0][0]: symbol must be ASCII, found 'é'
            {'array': {'type': 'int', 'values': [1, 'a']}}          → $.array.values[1]: int must be a JSON integer, found 'a'
            {'array': {'type': 'int', 'values': [1, {'long': 2}]}}  → $.array.values[1]: int must be a JSON integer, found an object
            {'array': {'type': 'ubyte', 'values': [1, 256]}}        → $.array.values[1]: ubyte out of range: 256
            {'array': {'type': 'integer', 'values': []}}            → $.array.type: unknown type name: 'integer'
            {'array': {'type': 'described', 'values': []}}          → $.array.type: array element type cannot be 'described': give the shared 'descriptor' and the type of the described values
            {'array': {'type': 5, 'values': []}}                    → $.array.type: array element type must be a type name, found 5
            {'array': {'values': [1]}}                              → $.array: missing member 'type'
            {'array': {'type': 'int'}}                              → $.array: missing member 'values'
            {'array': {'type': 'int', 'values': {}}}                → $.array.values: array values must be a JSON array, found an empty object
            {'array': {'type': 'int', 'values': [], 'value': 1}}    → $.array: unknown member 'value'
            {'array': [1, 2]}                                       → $: array must be an object with 'type' and 'values', found an array of 2
            {'array': {'type': 'list', 'values': [[1], [{'foo': 1}]]}}        → $.array.values[1][0]: unknown type name: 'foo'
            {'array': {'type': 'array', 'values': [{'type': 'int', 'values': [2147483648]}]}} → $.array.values[0].values[0]: int out of range: 2147483648
            {'array': {'descriptor': {'symbol': 'é'}, 'type': 'int', 'values': []}} → $.array.descriptor: symbol must be ASCII, found 'é'
            {'described': {'descriptor': {'ulong': 36}}}            → $.described: missing member 'value'
            {'described': {'descriptor': 1, 'value': 2, 'x': 3}}    → $.described: unknown member 'x'
            {'described': {'descriptor': {'ulong': -1}, 'value': 2}} → $.described.descriptor: ulong out of range: -1
            {'int': 1, 'long': 2}                        → $: a typed value has exactly one member, found 2: 'int', 'long'
            {}                                           → $: a typed value has exactly one member, found an empty object
            {'integer': 1}                               → $: unknown type name: 'integer'
            {'Int': 1}                                   → $: unknown type name: 'Int'
            [1]                                          → $: expected a typed value, found an array of 1
            {'int': 1, 'int': 2}                         → $: duplicate member 'int'
            {'list': [{'map': [[1, {'a': 1, 'a': 2}]]}]} → $.list[0].map[0][1]: duplicate member 'a'
            {'int': }                                    → $.int: malformed JSON at line 1, column 9: Unexpected character …
            {'int': 1                                    → $.int: malformed JSON at line 1, column 10: Unexpected end-of-input: expected close marker for Object
            {'list': [1,⏎,2]}                            → $.list[1]: malformed JSON at line 2, column 1: Unexpected character …
            {'int': 1} x                                 → $: malformed JSON at line 1, column 13: Unrecognized token …
            {'int': 1} {'int': 2}                        → $: malformed JSON at line 1, column 12: more than one JSON value
            {'int': NaN}                                 → $.int: malformed JSON at line 1, column 12: Non-standard token …
            {'string': 'a⏎b'}                            → $.string: malformed JSON at line 1, column 14: Illegal unquoted character …
                                                         → $: malformed JSON at line 1, column 1: no JSON value
            {'list': [[[[[[[[[[ … 1000 deep                 → $.list[0][0][0][0][0][0][0][0][0]…
            """;

    @TestFactory
    Stream<DynamicTest> eachInvalidValueIsRejectedWithPathAndReason() {
        return TABLE.lines().map(row -> {
            String[] cells = row.split("→", 2);
            String json = cells[0].strip().replace('\'', '"').replace("⏎", "\n")
                    .replace("[[[[[[[[[[ … 1000 deep", "[".repeat(1000));
            String expected = cells[1].strip().replace('\'', '"');
            return DynamicTest.dynamicTest(json.isEmpty() ? "(empty)" : json, () -> {
                TypedJsonException e = assertThrows(TypedJsonException.class, () -> TypedJson.readValue(json));
                if (expected.endsWith("…")) {
                    String prefix = expected.substring(0, expected.length() - 1);
                    if (!e.getMessage().startsWith(prefix)) assertEquals(expected, e.getMessage());
                } else {
                    assertEquals(expected, e.getMessage());
                }
                assertEquals(e.getMessage(), e.path() + ": " + e.reason());
            });
        });
    }
}
