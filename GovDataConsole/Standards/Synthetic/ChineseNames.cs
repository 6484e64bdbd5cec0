namespace GovDataConsole.Standards.Synthetic;

/// <summary>
/// Chinese names: the 100 commonest surnames with their approximate share of the population (per mille, Ministry
/// of Public Security 2020 figures) plus a few compound ones, and given names of one or two characters from
/// gendered pools. The pinyin of the surname feeds e-mail addresses.
/// </summary>
internal static class ChineseNames
{
    private static readonly Weighted<(string Surname, string Pinyin)> Surnames = new(
        """
        王 wang 712|李 li 700|张 zhang 674|刘 liu 538|陈 chen 453|杨 yang 308|黄 huang 223|赵 zhao 217|吴 wu 202|周 zhou 190|
        徐 xu 169|孙 sun 152|马 ma 146|朱 zhu 131|胡 hu 130|郭 guo 116|何 he 113|林 lin 109|高 gao 108|罗 luo 98|
        郑 zheng 88|梁 liang 87|谢 xie 76|宋 song 72|唐 tang 72|许 xu 66|韩 han 64|冯 feng 60|邓 deng 60|曹 cao 59|
        彭 peng 58|曾 zeng 55|肖 xiao 55|田 tian 50|董 dong 49|袁 yuan 47|潘 pan 46|于 yu 45|蒋 jiang 45|蔡 cai 44|
        余 yu 44|杜 du 43|叶 ye 42|程 cheng 42|苏 su 41|魏 wei 40|吕 lv 39|丁 ding 39|任 ren 38|沈 shen 37|
        姚 yao 36|卢 lu 35|姜 jiang 34|崔 cui 33|钟 zhong 33|谭 tan 32|陆 lu 32|汪 wang 31|范 fan 30|金 jin 29|
        石 shi 29|廖 liao 28|贾 jia 27|夏 xia 27|韦 wei 26|付 fu 25|方 fang 25|白 bai 25|邹 zou 24|孟 meng 24|
        熊 xiong 23|秦 qin 23|邱 qiu 23|江 jiang 22|尹 yin 22|薛 xue 21|闫 yan 21|段 duan 20|雷 lei 20|侯 hou 20|
        龙 long 19|史 shi 19|陶 tao 18|黎 li 17|贺 he 17|顾 gu 17|毛 mao 16|郝 hao 16|龚 gong 15|邵 shao 15|
        万 wan 15|钱 qian 14|严 yan 14|覃 qin 13|武 wu 13|戴 dai 13|莫 mo 12|孔 kong 12|向 xiang 11|汤 tang 11|
        欧阳 ouyang 1|司马 sima 0.2|诸葛 zhuge 0.1|上官 shangguan 0.1
        """.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(' '))
            .Select(parts => ((parts[0], parts[1]), double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture))));

    private const string MaleCharacters = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋阳东峰建国文志海晨博轩然航睿哲铭泽豪庆亮成春德永";
    private const string FemaleCharacters = "芳娜敏静丽艳娟霞秀英玲兰燕萍红雪琳洁梅莉婷倩颖慧佳欣怡悦雨涵诗梦琪萱月晶蕾薇彤妍嘉瑶璐丹露";

    public static (string Surname, string Pinyin) NextSurname(Random random) => Surnames.Next(random);

    public static string NextGivenName(Random random, bool male)
    {
        var pool = male ? MaleCharacters : FemaleCharacters;
        if (random.Next(4) == 0) return pool[random.Next(pool.Length)].ToString();
        Span<char> name = [pool[random.Next(pool.Length)], pool[random.Next(pool.Length)]];
        return new string(name);
    }
}
