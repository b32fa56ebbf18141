// Whether a value is a person's ID number (GB 11643, check character included), not
// merely its shape: an all-digit credit code such as 915111023657049080 is an
// organisation's. One test for the subjects typed into a request, the subjects of the
// answer and masking alike, so the three can never disagree about who is a person.
import { validateIdNumber } from "@onceonly/shared";

const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

export function isIdNumber(value: string): boolean {
  return ID_NUMBER_SHAPE.test(value) && validateIdNumber(value).ok;
}
