/** Why an identifier was refused; `rule` is stable for programs, `message` is for people. */
export interface ValidationFailure {
  ok: false;
  value: string;
  rule: string;
  message: string;
}
