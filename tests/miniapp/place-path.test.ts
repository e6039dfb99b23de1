import { describe, expect, it } from 'vitest';
import { backTo, nextPlacePrompt, parentOfNext, pickPlace, placeText, villageIdOf } from '../../miniapp/src/lib/place-path.js';
import { trackingCodeProblem } from '../../miniapp/src/lib/tracking-lookup.js';

const city = { id: 'demo-city', name: '上海市', level: 'city' as const };
const district = { id: 'demo-district', name: '松江区', level: 'district' as const };
const town = { id: 'demo-town-yexie', name: '叶榭镇', level: 'town' as const };
const village = { id: 'demo-village-jinglingqiao', name: '井凌桥村', level: 'village' as const };

describe('picking where a concern happened (issue 8, part 1)', () => {
  it('walks from the cities down a level at a time, asking for each, and is done at a village', () => {
    let path = pickPlace([], city);
    expect([parentOfNext([]), nextPlacePrompt([])]).toEqual([undefined, '请选择市']);
    expect([parentOfNext(path), nextPlacePrompt(path)]).toEqual(['demo-city', '请选择区']);
    path = pickPlace(pickPlace(path, district), town);
    expect(nextPlacePrompt(path)).toBe('请选择村（社区）');
    expect(villageIdOf(path)).toBeNull();

    path = pickPlace(path, village);

    expect(villageIdOf(path)).toBe('demo-village-jinglingqiao');
    expect(placeText(path)).toBe('上海市 · 松江区 · 叶榭镇 · 井凌桥村');
  });

  it('goes back to a level when one of its names is tapped, keeping what is above it', () => {
    const path = [city, district, town, village];
    expect(backTo(path, 2)).toEqual([city, district]);
    expect(nextPlacePrompt(backTo(path, 2))).toBe('请选择镇（街道）');
  });
});

describe('a tracking code as typed (issue 8, R17)', () => {
  it.each([
    ['', '请输入查询码'],
    ['K7QM-2XHD', '查询码是 24 位字母和数字，请核对后重新输入'],
    ['k7qm 2xhd abcd efgh jkmn pqrs', null],
    // O and I are read as 0 and 1, as the server reads them.
    ['O7QM-2XHD-ABCD-EFGH-JKMN-PQRI', null],
    ['K7QM-2XHD-ABCD-EFGH-JKMN-PQR!', '查询码是 24 位字母和数字，请核对后重新输入'],
  ])('judges %j without asking the server: %s', (typed, problem) => {
    expect(trackingCodeProblem(typed)).toBe(problem);
  });
});
