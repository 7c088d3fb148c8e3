import { describe, expect, it } from 'vitest';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('maskName', () => {
  it('keeps the surname and hides each other character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('hides a one-character name whole, and leaves an empty one empty', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('  ')).toBe('');
  });

  it('keeps the first letter of a Latin name and the separators of any name', () => {
    expect(maskName('John Smith')).toBe('J*** *****');
    expect(maskName('买买提·艾力')).toBe('买**·**');
  });

  it('counts characters outside the Basic Multilingual Plane once', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
});

describe('maskIdNumber', () => {
  it('keeps the area code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('hides an old 15-digit number’s birth date and a short value whole', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
    expect(maskIdNumber('1101051949')).toBe('**********');
  });
});

describe('maskPhone', () => {
  it('keeps a mobile’s first three and last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });

  it('keeps a landline’s area code and last four', () => {
    expect(maskPhone('0571-82888888')).toBe('0571-****8888');
    expect(maskPhone('057182888888')).toBe('0571****8888');
    expect(maskPhone('01082888888')).toBe('010****8888');
    expect(maskPhone('02112345678')).toBe('021****5678');
  });

  it('hides all but the last four of anything else', () => {
    expect(maskPhone('12345678901')).toBe('*******8901');
    expect(maskPhone('12345')).toBe('*****');
  });
});

describe('maskCreditCode', () => {
  it('leaves a valid organisation code readable: it is public', () => {
    expect(maskCreditCode('91370200264574251e')).toBe('91370200264574251E');
  });

  it('masks anything else like a personal ID, in case one was typed into the wrong field', () => {
    expect(maskCreditCode('11010519491231002X')).toBe('110105********002X');
  });
});
