"""A corpus of model types for structured outputs: pydantic models and plain Python types.

``SAME`` are the types whose ``strict_schema`` must equal the official SDK's
``to_strict_json_schema`` (up to key order and ``title``); ``DIFFERENT`` are the documented
departures (docs/structured-outputs.md). Pydantic is needed to import this module.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import pathlib
import uuid
from typing import Any, Dict, List, Literal, NamedTuple, Optional, Set, Tuple, Union

import pydantic
from pydantic import BaseModel, Field
from typing_extensions import Annotated, NotRequired, TypedDict


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"


class Level(enum.IntEnum):
    """How loud."""

    LOW = 1
    HIGH = 2


class Flat(BaseModel):
    name: str
    age: int
    height: float
    alive: bool


class WithOptional(BaseModel):
    name: str
    nickname: Optional[str] = None
    score: Optional[float]


class WithDefaults(BaseModel):
    count: int = 3
    label: str = "x"
    ratio: float = 0.5
    tags: List[str] = Field(default_factory=list)


class WithEnum(BaseModel):
    color: Color
    level: Level


class WithEnumDefault(BaseModel):
    color: Color = Color.RED


class WithLiteral(BaseModel):
    kind: Literal["a", "b", "c"]
    one: Literal["only"]
    number: Literal[1, 2]


class WithDescriptions(BaseModel):
    """A documented model."""

    city: str = Field(description="The city name")
    days: int = Field(description="How many days")


class WithConstraints(BaseModel):
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    percent: Annotated[float, Field(ge=0, le=100)]
    positive: Annotated[int, Field(gt=0)]
    step: Annotated[float, Field(multiple_of=0.5, lt=10)]
    few: Annotated[List[int], Field(min_length=1, max_length=3)]


class WithStringLengths(BaseModel):
    short: Annotated[str, Field(min_length=1, max_length=8)]


class Item(BaseModel):
    sku: str
    quantity: int


class Order(BaseModel):
    id: str
    items: List[Item]


class NestedTwice(BaseModel):
    order: Order
    backup: Optional[Order] = None


class Tree(BaseModel):
    value: int
    children: List[Tree]


class LinkedList(BaseModel):
    value: str
    next: Optional[LinkedList] = None


class Cat(BaseModel):
    kind: Literal["cat"]
    meows: bool


class Dog(BaseModel):
    kind: Literal["dog"]
    barks: int


class Pets(BaseModel):
    pet: Union[Cat, Dog]


class PetsOptional(BaseModel):
    pet: Optional[Union[Cat, Dog]]


class Scalars(BaseModel):
    value: Union[int, str, None]


class Dates(BaseModel):
    when: datetime.datetime
    day: datetime.date
    at: datetime.time
    id: uuid.UUID


class ListOfLists(BaseModel):
    grid: List[List[int]]


class ListOfEnums(BaseModel):
    colors: List[Color]


class ListOfOptional(BaseModel):
    values: List[Optional[int]]


class DeepA(BaseModel):
    b: DeepB


class DeepB(BaseModel):
    c: DeepC


class DeepC(BaseModel):
    leaf: str


DeepA.model_rebuild()


class Empty(BaseModel):
    pass


class CalendarEvent(BaseModel):
    name: str
    date: str
    participants: List[str]


class Step(BaseModel):
    explanation: str
    output: str


class MathReasoning(BaseModel):
    steps: List[Step]
    final_answer: str


class UIComponent(BaseModel):
    type: Literal["div", "button", "header", "section", "field", "form"]
    label: str
    children: List[UIComponent]
    attributes: List[Attribute]


class Attribute(BaseModel):
    name: str
    value: str


UIComponent.model_rebuild()


class WithPydanticDescribedRef(BaseModel):
    item: Item = Field(description="The one item")


class Mutual1(BaseModel):
    other: Optional[Mutual2]


class Mutual2(BaseModel):
    other: Optional[Mutual1]


Mutual1.model_rebuild()


# --- plain Python types (compared through pydantic.TypeAdapter) ---------------------------


@dataclasses.dataclass
class Point:
    x: float
    y: float


@dataclasses.dataclass
class Polygon:
    """A closed shape."""

    name: str
    points: List[Point]
    color: Color = Color.GREEN
    closed: bool = True


@dataclasses.dataclass
class DataOptional:
    title: str
    subtitle: Optional[str] = None
    weight: Optional[float] = None


@dataclasses.dataclass
class DataTree:
    label: str
    children: List[DataTree]


@dataclasses.dataclass
class DataConstraints:
    count: Annotated[int, Field(ge=1, le=10, description="How many")]
    name: Annotated[str, Field(pattern="^a")]


@dataclasses.dataclass
class DataLiteral:
    mode: Literal["fast", "slow"]
    level: Level


@dataclasses.dataclass
class DataHoldsModel:
    item: Item
    note: str


class Movie(TypedDict):
    title: str
    year: int


class MovieShelf(TypedDict):
    movies: List[Movie]
    owner: Optional[str]


class PartialMovie(TypedDict):
    title: str
    rating: NotRequired[float]


class Pair(NamedTuple):
    left: int
    right: str


@dataclasses.dataclass
class DataScalars:
    where: pathlib.Path
    blob: bytes
    wait: datetime.timedelta
    at: datetime.datetime


class ModelScalars(BaseModel):
    price: decimal.Decimal
    where: pathlib.Path
    wait: datetime.timedelta


@dataclasses.dataclass
class Everything:
    flat: Point
    shapes: List[Polygon]
    movie: Movie
    choice: Union[Point, Movie]
    maybe: Optional[Polygon] = None
    level: Level = Level.LOW


SAME: List[Any] = [
    Flat,
    WithOptional,
    WithDefaults,
    WithEnum,
    WithEnumDefault,
    WithLiteral,
    WithDescriptions,
    WithConstraints,
    WithStringLengths,
    Item,
    Order,
    NestedTwice,
    Tree,
    LinkedList,
    Pets,
    PetsOptional,
    Scalars,
    Dates,
    ListOfLists,
    ListOfEnums,
    ListOfOptional,
    DeepA,
    Empty,
    CalendarEvent,
    MathReasoning,
    UIComponent,
    WithPydanticDescribedRef,
    Mutual1,
    Point,
    Polygon,
    DataOptional,
    DataTree,
    DataConstraints,
    DataLiteral,
    DataHoldsModel,
    Movie,
    MovieShelf,
    PartialMovie,
    Everything,
    DataScalars,
    ModelScalars,
    Color,
    Level,
    List[Point],
    Optional[Point],
]


class WithDict(BaseModel):
    counts: Dict[str, int]


class WithSet(BaseModel):
    ids: Set[int]


class WithTuple(BaseModel):
    pair: Tuple[int, str]


class Shape(BaseModel):
    figure: Union[Cat, Dog] = Field(discriminator="kind")


DIFFERENT: Dict[Any, str] = {
    WithDict: "TypeError",
    WithSet: "TypeError",
    WithTuple: "TypeError",
    Pair: "object",
    Shape: "anyOf",
}
"""Types where strict_schema departs from the SDK, with how (docs/structured-outputs.md)."""


def sdk_schema(t: Any) -> Dict[str, Any]:
    """The official SDK's strict schema of ``t`` (through a TypeAdapter for plain types)."""
    from openai.lib._pydantic import to_strict_json_schema

    if isinstance(t, type) and issubclass(t, BaseModel):
        return to_strict_json_schema(t)
    return to_strict_json_schema(pydantic.TypeAdapter(t))


def without_titles(schema: Any) -> Any:
    """``schema`` without its ``title`` keywords (properties named "title" stay)."""
    if isinstance(schema, list):
        return [without_titles(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "title" and isinstance(value, str):
            continue
        if key in ("properties", "$defs", "definitions") and isinstance(value, dict):
            out[key] = {name: without_titles(v) for name, v in value.items()}
        elif key in ("enum", "const", "default", "required"):
            out[key] = value
        else:
            out[key] = without_titles(value)
    return out
