using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Tests.Support;
using static AnomalyStudio.Core.Parsing.LineLogs.MessageParameters;

namespace AnomalyStudio.Tests.Core.Parsing.LineLogs;

public sealed class MessageParametersTests
{
    [Theory]
    // OpenSSH (loghub's LabSZ server): the client and the user it tried.
    [InlineData("Invalid user webmaster from 173.234.31.186", Ip, "173.234.31.186")]
    [InlineData("Invalid user webmaster from 173.234.31.186", User, "webmaster")]
    [InlineData("Failed password for invalid user test9 from 52.80.34.196 port 36060 ssh2", User, "test9")]
    [InlineData("Failed password for root from 183.62.140.253 port 39522 ssh2", User, "root")]
    [InlineData("Failed password for root from 183.62.140.253 port 39522 ssh2", Ip, "183.62.140.253")]
    [InlineData("pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root", User, "root")]
    [InlineData("pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=jsd-ftp.net  user=root", Host, "jsd-ftp.net")]
    [InlineData("Accepted password for fztu from 119.137.62.142 port 49116 ssh2", User, "fztu")]
    [InlineData("Connection closed by 2001:db8::7 [preauth]", Ip, "2001:db8::7")]
    [InlineData("Received connection request /10.10.34.11:45307", Ip, "10.10.34.11")]
    // HDFS, OpenStack.
    [InlineData("Receiving block blk_-1608999687919862906 src: /10.250.19.102:54106 dest: /10.250.19.102:50010", Block, "blk_-1608999687919862906")]
    [InlineData("BLOCK* NameSystem.allocateBlock: /user/root/rand/_temporary/_task_200811092030_0001_m_000081_0/part-00081. blk_4394112519745907149", MessageParameters.Path, "/user/root/rand/_temporary/_task_200811092030_0001_m_000081_0/part-00081.")]
    [InlineData("[req-3ea4052c-895d-4b64-9e2d-04d64c4d94ab - - - - -] [instance: b9000564-fe1a-409b-b8cc-1e88b294cd1d] VM Started (Lifecycle Event)", Request, "req-3ea4052c-895d-4b64-9e2d-04d64c4d94ab")]
    [InlineData("[req-3ea4052c-895d-4b64-9e2d-04d64c4d94ab - - - - -] [instance: b9000564-fe1a-409b-b8cc-1e88b294cd1d] VM Started (Lifecycle Event)", Instance, "b9000564-fe1a-409b-b8cc-1e88b294cd1d")]
    public void Takes_each_kind_of_parameter_from_real_messages(string message, string kind, string expected)
    {
        Assert.Equal(expected, MessageParameters.Of(kind, message));
    }

    [Theory]
    [InlineData("PacketResponder 1 for block blk_38865049064139660 terminating", User)]
    [InlineData("java.io.IOException: Could not read from stream", Host)]
    [InlineData("Exception in thread \"main\" java.lang.NullPointerException at org.apache.hadoop.Foo.bar(Foo.java:12)", Ip)]
    [InlineData("version 1.2.3.4.5 released", Ip)]
    [InlineData("took 12.5 ms", MessageParameters.Path)]
    [InlineData("req-3ea4052c-895d-4b64-9e2d-04d64c4d94ab started", Instance)] // a request id is not an instance
    public void Finds_nothing_where_a_message_has_no_such_parameter(string message, string kind)
    {
        Assert.Null(MessageParameters.Of(kind, message));
    }

    [Fact]
    public void Every_line_of_the_hdfs_sessions_names_its_block()
    {
        var lines = File.ReadLines(TestData.Shared("sessions", "HDFS_2pct_a.log")).Take(5_000).ToList();

        Assert.All(lines, line => Assert.StartsWith("blk_", MessageParameters.Of(Block, line)));
    }
}
