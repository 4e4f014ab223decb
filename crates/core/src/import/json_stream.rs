//! JSON records read one at a time: `ConvertTo-Json`'s array (or its one bare object) and a
//! Graph response's `value` array, each object handed on as soon as it is parsed, so a file of
//! a million users is never held whole. serde_json keeps no positions, so the bytes it reads
//! pass a small tracker first that notes where each object and each of its keys starts.

use super::record::{Fields, Record};
use crate::error::{Error, Result};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize as _;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;
use std::io::{self, Read};
use std::rc::Rc;

/// Each key of an object with the line it is on.
type KeyLines = Vec<(String, usize)>;

/// The deepest object the tracker notes: records of a Graph response sit at depth 2.
const DEEPEST: usize = 2;

/// Where the objects and keys the parser has read so far were.
#[derive(Default)]
pub(super) struct Positions {
    line: usize,
    in_string: bool,
    escaped: bool,
    /// The open containers, outermost first.
    open: Vec<Open>,
    /// The key being read, with its line, when the string is a key of a noted object.
    key: Option<(Vec<u8>, usize)>,
    /// The last object closed at each depth: its first line and its keys' lines.
    closed: [Option<(usize, KeyLines)>; DEEPEST + 1],
}

struct Open {
    object: bool,
    line: usize,
    expecting_key: bool,
    keys: KeyLines,
}

impl Positions {
    fn new() -> Self {
        Positions {
            line: 1,
            ..Positions::default()
        }
    }

    fn see(&mut self, byte: u8) {
        if byte == b'\n' {
            self.line += 1;
        }
        if self.in_string {
            match byte {
                _ if self.escaped => self.escaped = false,
                b'\\' => self.escaped = true,
                b'"' => {
                    self.in_string = false;
                    if let (Some((key, line)), Some(open)) = (self.key.take(), self.open.last_mut())
                    {
                        open.keys
                            .push((String::from_utf8_lossy(&key).into_owned(), line));
                        open.expecting_key = false;
                    }
                    return;
                }
                _ => {}
            }
            if let Some((key, _)) = &mut self.key {
                key.push(byte);
            }
            return;
        }
        match byte {
            b'"' => {
                self.in_string = true;
                let depth = self.open.len().saturating_sub(1);
                if let Some(open) = self.open.last() {
                    if open.object && open.expecting_key && depth <= DEEPEST {
                        self.key = Some((Vec::new(), self.line));
                    }
                }
            }
            b'{' | b'[' => self.open.push(Open {
                object: byte == b'{',
                line: self.line,
                expecting_key: byte == b'{',
                keys: Vec::new(),
            }),
            b',' => {
                if let Some(open) = self.open.last_mut() {
                    open.expecting_key = open.object;
                }
            }
            b'}' | b']' => {
                if let Some(open) = self.open.pop() {
                    let depth = self.open.len();
                    if open.object && depth <= DEEPEST {
                        self.closed[depth] = Some((open.line, open.keys));
                    }
                }
            }
            _ => {}
        }
    }

    /// The object last closed at `depth`, as a record's first line and its keys' lines.
    fn take(&mut self, depth: usize) -> (usize, KeyLines) {
        self.closed[depth].take().unwrap_or((self.line, Vec::new()))
    }
}

/// The bytes serde_json reads, shown to the tracker on the way.
pub(super) struct Tracked<R> {
    inner: R,
    positions: Rc<RefCell<Positions>>,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut positions = self.positions.borrow_mut();
        for &byte in &buf[..n] {
            positions.see(byte);
        }
        Ok(n)
    }
}

/// Why reading stopped early: the caller's own refusal, kept apart from serde's errors.
type Stop = Rc<RefCell<Option<Error>>>;

/// What a problem of the file's shape is (the caller words it).
pub(super) enum Problem {
    /// A top-level value, or an element, that is not an object, on this line.
    NotObjects(usize),
    Syntax(serde_json::Error),
    /// The caller's refusal of a record.
    Refused(Error),
}

/// Calls `each` with every record of the JSON in `reader`, in order; the count read.
pub(super) fn records(
    reader: impl Read,
    each: &mut dyn FnMut(Record) -> Result<()>,
) -> std::result::Result<u64, Problem> {
    let positions = Rc::new(RefCell::new(Positions::new()));
    let tracked = Tracked {
        inner: reader,
        positions: positions.clone(),
    };
    let stop: Stop = Rc::default();
    let mut de = serde_json::Deserializer::from_reader(tracked);
    let mut count = 0u64;
    let top = Top {
        each,
        positions: &positions,
        stop: &stop,
        count: &mut count,
    };
    let outcome = de::Deserializer::deserialize_any(&mut de, top).and_then(|shape| {
        de.end()?;
        Ok(shape)
    });
    if let Some(e) = stop.borrow_mut().take() {
        return Err(Problem::Refused(e));
    }
    match outcome {
        Ok(Shape::Records) => Ok(count),
        Ok(Shape::NotObjects(line)) => Err(Problem::NotObjects(line)),
        Err(e) => Err(Problem::Syntax(e)),
    }
}

enum Shape {
    Records,
    NotObjects(usize),
}

struct Top<'a> {
    each: &'a mut dyn FnMut(Record) -> Result<()>,
    positions: &'a Rc<RefCell<Positions>>,
    stop: &'a Stop,
    count: &'a mut u64,
}

impl Top<'_> {
    fn give<E: de::Error>(&mut self, depth: usize, map: Map<String, Value>) -> Result<(), E> {
        let (line, keys) = self.positions.borrow_mut().take(depth);
        *self.count += 1;
        (self.each)(Record {
            line,
            fields: Fields::Json(map, keys),
        })
        .map_err(|e| {
            *self.stop.borrow_mut() = Some(e);
            E::custom("stopped")
        })
    }

    /// Every element of an array at `depth`, each an object.
    fn elements<'de, A: SeqAccess<'de>>(
        &mut self,
        depth: usize,
        mut seq: A,
    ) -> Result<Option<usize>, A::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            let Value::Object(map) = item else {
                let line = self.positions.borrow().line;
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Some(line));
            };
            self.give(depth + 1, map)?;
        }
        Ok(None)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, seq: A) -> Result<Shape, A::Error> {
        Ok(match self.elements(0, seq)? {
            Some(line) => Shape::NotObjects(line),
            None => Shape::Records,
        })
    }

    /// One bare object (ConvertTo-Json of a single item), or a Graph response whose `value`
    /// array holds the records.
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Shape, A::Error> {
        let mut bare = Map::new();
        let mut streamed = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "value" && streamed.is_none() {
                match map.next_value_seed(ValueOrRecords { top: &mut self })? {
                    Inner::Streamed(outcome) => streamed = Some(outcome),
                    Inner::Value(value) => {
                        bare.insert(key, value);
                    }
                }
            } else {
                let value = map.next_value::<Value>()?;
                bare.insert(key, value);
            }
        }
        Ok(match streamed {
            Some(Some(line)) => Shape::NotObjects(line),
            Some(None) => Shape::Records,
            None => {
                self.give(0, bare)?;
                Shape::Records
            }
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::NotObjects(1))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::NotObjects(1))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::NotObjects(1))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::NotObjects(1))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::NotObjects(1))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Shape, E> {
        Ok(Shape::NotObjects(1))
    }
}

/// A Graph response's `value`: records streamed when it is an array, else kept as a field.
struct ValueOrRecords<'t, 'a> {
    top: &'t mut Top<'a>,
}

enum Inner {
    /// The array was read as records: `Some(line)` if an element was not an object.
    Streamed(Option<usize>),
    Value(Value),
}

impl<'de> DeserializeSeed<'de> for ValueOrRecords<'_, '_> {
    type Value = Inner;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Inner, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueOrRecords<'_, '_> {
    type Value = Inner;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Inner, A::Error> {
        Ok(Inner::Streamed(self.top.elements(1, seq)?))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Inner, A::Error> {
        let value = Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Inner::Value(value))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Inner, E> {
        Ok(Inner::Value(Value::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Inner, E> {
        Ok(Inner::Value(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Inner, E> {
        Ok(Inner::Value(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Inner, E> {
        Ok(Inner::Value(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Inner, E> {
        Ok(Inner::Value(Value::String(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Inner, E> {
        Ok(Inner::Value(Value::String(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Inner, E> {
        Ok(Inner::Value(Value::Null))
    }
}
